using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Live;

/// <summary>A graphql-transport-ws client over the test server's real WebSocket transport.</summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebSocket _socket;

    private GraphQLWsTestClient(WebSocket socket) => _socket = socket;

    /// <summary>Connects to /graphql, optionally with a bearer token, and completes connection_init/ack.</summary>
    public static Task<GraphQLWsTestClient> ConnectAsync(WebApplicationFactory<Program> factory, string? token = null) =>
        ConnectAsync(factory, token is null ? null : request => request.Headers.Authorization = "Bearer " + token);

    /// <summary>Connects to /graphql with a browser's session cookie (<c>name=value</c>), as a same-site page would.</summary>
    public static Task<GraphQLWsTestClient> ConnectWithCookieAsync(WebApplicationFactory<Program> factory, string cookie) =>
        ConnectAsync(factory, request => request.Headers.Cookie = cookie);

    private static async Task<GraphQLWsTestClient> ConnectAsync(WebApplicationFactory<Program> factory, Action<HttpRequest>? configure)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (configure is not null)
        {
            client.ConfigureRequest = configure;
        }
        var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);
        var connection = new GraphQLWsTestClient(socket);
        await connection.SendAsync(new { type = "connection_init" });
        var ack = await connection.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return connection;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message, which must be a <c>next</c> for <paramref name="id"/>; returns its payload.</summary>
    public async Task<JsonElement> NextAsync(string id, TimeSpan? timeout = null)
    {
        var message = await ReceiveAsync(timeout);
        Assert.True(message.GetProperty("type").GetString() == "next", "Expected a next message, got " + message);
        Assert.Equal(id, message.GetProperty("id").GetString());
        return message.GetProperty("payload");
    }

    /// <summary>The next message of any type.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            try
            {
                received = await _socket.ReceiveAsync(buffer, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No message within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
            }
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
    }

    /// <summary>Asserts that nothing arrives within <paramref name="quiet"/>.</summary>
    public async Task AssertNothingWithinAsync(TimeSpan quiet)
    {
        var pending = ReceiveAsync(quiet);
        var exception = await Record.ExceptionAsync(() => pending);
        Assert.IsType<TimeoutException>(exception);
    }

    private Task SendAsync(object message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The server went away first.
            }
        }
        _socket.Dispose();
    }
}
