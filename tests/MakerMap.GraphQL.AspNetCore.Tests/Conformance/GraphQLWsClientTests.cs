using System.Text.Json;
using MakerMap.GraphQL.AspNetCore.Tests.TestHost;
using MakerMap.GraphQL.Tests.Conformance;

namespace MakerMap.GraphQL.AspNetCore.Tests.Conformance;

/// <summary>The npm graphql-ws client (the protocol's reference client) against the endpoint on real Kestrel.</summary>
public sealed class GraphQLWsClientTests
{
    private static async Task<JsonElement> SubscribeAsync(string query)
    {
        await using var host = await GraphQLTestHost.StartAsync(kestrel: true);
        var url = new UriBuilder(new Uri(host.BaseAddress!, "graphql")) { Scheme = "ws" }.Uri.ToString();
        var text = await NodeScript.RunAsync("ws/subscribe-client.mjs", [url, query], TimeSpan.FromSeconds(30));
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Fact]
    [Trait("Category", "Node")]
    public async Task Graphql_ws_client_receives_every_event_and_completion()
    {
        var result = await SubscribeAsync("subscription { counter(to: 3) }");

        Assert.True(result.GetProperty("completed").GetBoolean());
        Assert.Equal(
            """[{"data":{"counter":1}},{"data":{"counter":2}},{"data":{"counter":3}}]""",
            result.GetProperty("events").GetRawText());
    }

    [Fact]
    [Trait("Category", "Node")]
    public async Task Graphql_ws_client_receives_validation_errors_as_error_message()
    {
        var result = await SubscribeAsync("subscription { nope }");

        Assert.False(result.GetProperty("completed").GetBoolean());
        Assert.Equal(
            "Cannot query field \"nope\" on type \"Subscription\".",
            result.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
