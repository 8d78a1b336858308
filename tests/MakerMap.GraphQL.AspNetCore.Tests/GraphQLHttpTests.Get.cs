using System.Net;
using System.Text.Json;

namespace MakerMap.GraphQL.AspNetCore.Tests;

public sealed partial class GraphQLHttpTests
{
    private static HttpRequestMessage Get(string queryString, string? accept = Json)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    [Fact]
    public async Task Get_query_with_variables_returns_200()
    {
        var query = Uri.EscapeDataString("query ($v: String) { echo(value: $v) }");
        var variables = Uri.EscapeDataString("""{"v":"hi"}""");

        var (response, json) = await SendAsync(Get($"query={query}&variables={variables}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"echo":"hi"}""", json.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Get_mutation_returns_405_with_allow_post()
    {
        var (response, json) = await SendAsync(Get("query=" + Uri.EscapeDataString("mutation { increment }"), GraphQLResponse));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("BAD_REQUEST", Code(json));
    }

    [Theory]
    [InlineData("variables=%7Bnot%20json")]
    [InlineData("variables=%5B1%5D")]
    [InlineData("extensions=1")]
    [InlineData("")]
    [InlineData("query=%7B%20now%20%7D&query=%7B%20now%20%7D")]
    public async Task Get_malformed_parameters_return_400_bad_request(string queryString)
    {
        var parameters = queryString.StartsWith("query", StringComparison.Ordinal) || queryString.Length == 0
            ? queryString
            : "query=%7B%20now%20%7D&" + queryString;

        var (response, json) = await SendAsync(Get(parameters, GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", Code(json));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_return_405_with_allow(string method)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_from_browser_serves_graphiql_page_without_external_urls()
    {
        var response = await _client.SendAsync(Get("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("GraphiQL", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphiql_assets_are_served_when_built_and_unknown_assets_are_404()
    {
        var init = await _client.GetAsync("/graphql/graphiql/graphiql-init.js");
        var unknown = await _client.GetAsync("/graphql/graphiql/secrets.txt");

        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        Assert.Equal("text/javascript", init.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        if (Internal.GraphiQLPage.AssetsAvailable)
        {
            var bundle = await _client.GetAsync("/graphql/graphiql/graphiql.min.js");
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        }
    }

    [Fact]
    public async Task Errors_never_carry_exception_text()
    {
        foreach (var body in new[] { "{ \"not a JSON", "{\"query\": \"{ now }\", \"variables\": {\"a\": [[[[", "\u00ff\u00fe" })
        {
            var response = await _client.SendAsync(Post(body, Json));
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", text, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(text);
        }
    }
}
