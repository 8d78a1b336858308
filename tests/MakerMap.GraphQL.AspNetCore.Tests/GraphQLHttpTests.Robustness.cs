using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MakerMap.GraphQL.AspNetCore.Tests;

/// <summary>Hostile request bodies get a clean 400 with a stable code, never a 500 or exception text.</summary>
public sealed partial class GraphQLHttpTests
{
    [Fact]
    public async Task Post_with_invalid_utf8_inside_the_query_string_is_a_400_bad_request()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename XX }\"}");
        var index = Array.IndexOf(bytes, (byte)'X');
        bytes[index] = 0xFF;
        bytes[index + 1] = 0xFE;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var (response, json) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", Code(json));
        Assert.Equal("The request body is not valid UTF-8.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_with_thousands_of_aliases_is_rejected_before_execution()
    {
        var query = "{" + string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"a{i}: __typename")) + "}";

        var (response, json) = await SendAsync(Post(Body(query), GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Code(json));
    }

    [Fact]
    public async Task Post_with_deeply_nested_selections_is_a_parse_failure_not_a_stack_overflow()
    {
        var query = "{ __typename " + string.Concat(Enumerable.Repeat("a { ", 20_000)) + new string('}', 20_001);

        var (response, json) = await SendAsync(Post(JsonSerializer.Serialize(new { query }), GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_PARSE_FAILED", Code(json));
    }
}
