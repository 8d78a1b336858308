using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>Issue 12, item 9: <c>Query.nodes</c> answered INTERNAL_SERVER_ERROR for any ids, even <c>[]</c>.</summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12NodesTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Place { name } ... on Resource { name } } }";

    private readonly GraphQLTestClient _client = new(factory);

    [Fact]
    public async Task Nodes_with_an_empty_list_is_an_empty_list()
    {
        var response = await _client.PostAsync(Nodes, new { ids = Array.Empty<string>() });

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(0, response.Data.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Nodes_with_known_and_unknown_ids_of_different_types_keeps_order_and_gives_null_for_the_unknown()
    {
        var place = await factory.Database.Data.PlaceAsync(3.7174, 51.0543, name: "Repair Café Nodes");
        var resource = await factory.Database.Data.ResourceAsync(place, new ResourceSpec { Name = "Nodes workbench" });
        string[] ids =
        [
            GraphQLTestClient.Id("Resource", resource),
            GraphQLTestClient.Id("Place", Guid.NewGuid()),
            GraphQLTestClient.Id("Place", place),
            GraphQLTestClient.Id("NoSuchType", Guid.NewGuid()),
        ];

        var response = await _client.PostAsync(Nodes, new { ids });

        Assert.False(response.HasErrors, response.Body.ToString());
        var nodes = response.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(4, nodes.Count);
        Assert.Equal("Resource", nodes[0].GetProperty("__typename").GetString());
        Assert.Equal(ids[0], nodes[0].GetProperty("id").GetString());
        Assert.Equal("Nodes workbench", nodes[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal("Place", nodes[2].GetProperty("__typename").GetString());
        Assert.Equal("Repair Café Nodes", nodes[2].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[3].ValueKind);
    }

    [Fact]
    public async Task Nodes_with_a_malformed_id_is_BAD_USER_INPUT_naming_its_index()
    {
        var response = await _client.PostAsync(Nodes, new { ids = new[] { GraphQLTestClient.Id("Place", Guid.NewGuid()), "not a global id" } });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("\"ids[1]\" is not a valid global id.", response.FirstError.GetProperty("message").GetString());
        var extensions = response.FirstError.GetProperty("extensions");
        Assert.Equal("INVALID_INPUT", extensions.GetProperty("reason").GetString());
        Assert.Equal(["ids", "1"], extensions.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Nodes_written_inline_in_the_document_resolves_like_variables()
    {
        var place = await factory.Database.Data.PlaceAsync(3.72, 51.05, name: "Repair Café Inline");

        var response = await _client.PostAsync($"{{ nodes(ids: [\"{GraphQLTestClient.Id("Place", place)}\"]) {{ id }} }}");

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(GraphQLTestClient.Id("Place", place), response.Data.GetProperty("nodes")[0].GetProperty("id").GetString());
    }
}
