using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MakerMap.GraphQL.AspNetCore.Tests.TestHost;

namespace MakerMap.GraphQL.AspNetCore.Tests;

/// <summary>The graphql-transport-ws protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).</summary>
public sealed class GraphQLWebSocketTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(configure: o =>
        {
            o.ConnectionInitTimeout = TimeSpan.FromSeconds(10);
            o.OnConnect = context => ValueTask.FromResult(!Equals(context.Payload?.GetValueOrDefault("token"), "bad"));
            o.AllowedWebSocketOrigins.Add("https://map.partner.example");
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<WebSocket> ConnectAsync(string? subProtocol = "graphql-transport-ws", string? origin = null)
    {
        var client = _host.TestServer.CreateWebSocketClient();
        if (origin is not null)
        {
            client.ConfigureRequest = request => request.Headers.Origin = origin;
        }

        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        return await client.ConnectAsync(new Uri(_host.TestServer.BaseAddress, "graphql"), CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message, or null when the server closed the socket.</summary>
    private static async Task<JsonElement?> ReceiveAsync(WebSocket socket)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellation.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using var document = JsonDocument.Parse(message.ToArray());
        return document.RootElement.Clone();
    }

    private static async Task<int?> ReceiveCloseAsync(WebSocket socket)
    {
        while (await ReceiveAsync(socket) is not null)
        {
        }

        return (int?)socket.CloseStatus;
    }

    private async Task<WebSocket> ConnectAndInitAsync()
    {
        var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        var ack = await ReceiveAsync(socket);
        Assert.Equal("connection_ack", ack!.Value.GetProperty("type").GetString());
        return socket;
    }

    private static string Type(JsonElement? message) => message!.Value.GetProperty("type").GetString()!;

    [Fact]
    public async Task Subscribe_streams_next_messages_then_complete()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { counter(to: 3) }"}}""");

        for (var i = 1; i <= 3; i++)
        {
            var next = await ReceiveAsync(socket);
            Assert.Equal("next", Type(next));
            Assert.Equal("1", next!.Value.GetProperty("id").GetString());
            Assert.Equal("{\"data\":{\"counter\":" + i + "}}", next.Value.GetProperty("payload").GetRawText());
        }

        Assert.Equal("complete", Type(await ReceiveAsync(socket)));
    }

    [Fact]
    public async Task Query_over_websocket_sends_one_next_then_complete()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"query ($v: String) { echo(value: $v) }","variables":{"v":"x"}}}""");

        var next = await ReceiveAsync(socket);
        Assert.Equal("""{"data":{"echo":"x"}}""", next!.Value.GetProperty("payload").GetRawText());
        Assert.Equal("complete", Type(await ReceiveAsync(socket)));
    }

    [Fact]
    public async Task Invalid_document_sends_error_message_with_graphql_errors()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"id":"e","type":"subscribe","payload":{"query":"subscription { nope }"}}""");

        var error = await ReceiveAsync(socket);
        Assert.Equal("error", Type(error));
        Assert.Equal("e", error!.Value.GetProperty("id").GetString());
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", error.Value.GetProperty("payload")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Ping_gets_pong_with_the_same_payload()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"type":"ping","payload":{"n":1}}""");

        var pong = await ReceiveAsync(socket);
        Assert.Equal("pong", Type(pong));
        Assert.Equal("""{"n":1}""", pong!.Value.GetProperty("payload").GetRawText());
    }

    [Fact]
    public async Task Complete_from_client_stops_a_running_subscription()
    {
        using var socket = await ConnectAndInitAsync();
        await SendAsync(socket, """{"id":"long","type":"subscribe","payload":{"query":"subscription { counter(to: 100000000) }"}}""");
        Assert.Equal("next", Type(await ReceiveAsync(socket)));

        await SendAsync(socket, """{"id":"long","type":"complete"}""");
        await SendAsync(socket, """{"type":"ping"}""");

        // Events already in flight may still arrive, then the pong; no complete is sent back for a client's complete.
        JsonElement? message;
        do
        {
            message = await ReceiveAsync(socket);
            Assert.NotEqual("complete", Type(message));
        }
        while (Type(message) == "next");

        Assert.Equal("pong", Type(message));
    }

    [Fact]
    public async Task Subscribe_before_connection_ack_closes_4401()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"{ now }"}}""");

        Assert.Equal(4401, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Missing_connection_init_closes_4408_after_the_timeout()
    {
        // Its own host with a short timeout: the shared one allows a slow machine plenty of time to send the init.
        await using var host = await GraphQLTestHost.StartAsync(configure: o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(300));
        var client = host.TestServer.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(host.TestServer.BaseAddress, "graphql"), CancellationToken.None);

        Assert.Equal(4408, await ReceiveCloseAsync(socket));
        Assert.Equal("Connection initialisation timeout", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Second_connection_init_closes_4429()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"type":"connection_init"}""");

        Assert.Equal(4429, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Duplicate_operation_id_closes_4409()
    {
        using var socket = await ConnectAndInitAsync();
        await SendAsync(socket, """{"id":"same","type":"subscribe","payload":{"query":"subscription { counter(to: 100000000) }"}}""");
        Assert.Equal("next", Type(await ReceiveAsync(socket)));

        await SendAsync(socket, """{"id":"same","type":"subscribe","payload":{"query":"subscription { counter }"}}""");

        Assert.Equal(4409, await ReceiveCloseAsync(socket));
        Assert.Equal("Subscriber for same already exists", socket.CloseStatusDescription);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":"connection_init","payload":"x"}""")]
    [InlineData("""{"type":"unknown"}""")]
    public async Task Malformed_message_closes_4400(string message)
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, message);

        Assert.Equal(4400, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Malformed_subscribe_closes_4400()
    {
        using var socket = await ConnectAndInitAsync();

        await SendAsync(socket, """{"id":"","type":"subscribe","payload":{"query":"{ now }"}}""");

        Assert.Equal(4400, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Wrong_subprotocol_closes_4406()
    {
        using var socket = await ConnectAsync("graphql-ws");

        Assert.Equal(4406, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Rejected_connection_init_closes_4403()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, """{"type":"connection_init","payload":{"token":"bad"}}""");

        Assert.Equal(4403, await ReceiveCloseAsync(socket));
    }

    [Theory]
    [Trait("Issue", "12")]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:8080")]
    public async Task Upgrade_from_a_foreign_origin_is_refused_with_403(string origin)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(origin: origin));

        Assert.Equal("Incomplete handshake, status code: 403", refused.Message);
    }

    [Theory]
    [Trait("Issue", "12")]
    [InlineData("http://localhost")]
    [InlineData("HTTP://LOCALHOST:80")]
    [InlineData("https://map.partner.example")]
    public async Task Upgrade_from_the_own_or_an_allowed_origin_is_accepted(string origin)
    {
        using var socket = await ConnectAsync(origin: origin);

        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))?.GetProperty("type").GetString());
    }
}
