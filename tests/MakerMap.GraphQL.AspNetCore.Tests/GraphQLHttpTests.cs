using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MakerMap.GraphQL.AspNetCore.Tests.TestHost;

namespace MakerMap.GraphQL.AspNetCore.Tests;

/// <summary>GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST, media types and status codes.</summary>
public sealed partial class GraphQLHttpTests : IAsyncLifetime
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    private GraphQLTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphQLTestHost.StartAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static HttpRequestMessage Post(string body, string? accept = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    private static string Body(string query, object? variables = null, string? operationName = null) =>
        JsonSerializer.Serialize(new { query, variables, operationName });

    private async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpRequestMessage request)
    {
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    private static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    private static string Code(JsonElement json) => json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Post_query_accepting_json_returns_200_and_data()
    {
        var (response, json) = await SendAsync(Post(Body("{ now }"), accept: Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, MediaType(response));
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Equal("""{"now":"2024-01-01T00:00:00Z"}""", json.GetProperty("data").GetRawText());
        Assert.False(json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Post_query_accepting_graphql_response_json_answers_in_that_type()
    {
        var (response, _) = await SendAsync(Post(Body("{ __typename }"), accept: GraphQLResponse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, MediaType(response));
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html;q=0.1, application/json", Json)]
    public async Task Post_accept_header_chooses_response_media_type(string? accept, string expected)
    {
        var (response, _) = await SendAsync(Post(Body("{ __typename }"), accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, MediaType(response));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Post_accept_header_that_cannot_be_satisfied_returns_406(string accept)
    {
        var (response, json) = await SendAsync(Post(Body("{ __typename }"), accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("BAD_REQUEST", Code(json));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_unsupported_content_type_returns_415(string? contentType)
    {
        var (response, json) = await SendAsync(Post(Body("{ __typename }"), Json, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("BAD_REQUEST", Code(json));
    }

    [Theory]
    [InlineData("{ \"not a JSON", "The request body is not valid JSON.")]
    [InlineData("", "The request body is empty.")]
    [InlineData("[1]", "The request body must be a JSON object.")]
    [InlineData("{\"qeury\": \"{ now }\"}", "The request has no query.")]
    [InlineData("{\"query\": 1}", "The query parameter must be a string.")]
    [InlineData("{\"query\": \"{ now }\", \"operationName\": false}", "The operationName parameter must be a string or null.")]
    [InlineData("{\"query\": \"{ now }\", \"variables\": \"x\"}", "The variables parameter must be a JSON object or null.")]
    [InlineData("{\"query\": \"{ now }\", \"extensions\": [1]}", "The extensions parameter must be a JSON object or null.")]
    public async Task Post_malformed_request_returns_400_with_bad_request_code(string body, string message)
    {
        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var (response, json) = await SendAsync(Post(body, accept));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(accept, MediaType(response));
            Assert.Equal(message, json.GetProperty("errors")[0].GetProperty("message").GetString());
            Assert.Equal("BAD_REQUEST", Code(json));
            Assert.False(json.TryGetProperty("data", out _));
        }
    }

    [Fact]
    public async Task Post_body_larger_than_limit_returns_413()
    {
        var (response, json) = await SendAsync(Post(Body("{ now }" + new string(' ', 1024 * 1024 + 10)), Json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BAD_REQUEST", Code(json));
    }

    [Theory]
    [InlineData("{ now", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ nope }", "GRAPHQL_VALIDATION_FAILED")]
    public async Task Post_document_error_accepting_graphql_response_json_returns_400_without_data(string query, string code)
    {
        var (response, json) = await SendAsync(Post(Body(query), GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponse, MediaType(response));
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal(code, Code(json));
    }

    [Theory]
    [InlineData("{ now")]
    [InlineData("{ nope }")]
    public async Task Post_document_error_accepting_json_returns_200_with_errors(string query)
    {
        var (response, json) = await SendAsync(Post(Body(query), Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.GetProperty("errors").GetArrayLength() > 0);
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_document_error_with_422_switch_returns_422()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: o => o.UseUnprocessableContentForDocumentErrors = true);
        using var client = host.CreateClient();

        var response = await client.SendAsync(Post(Body("{ nope }"), GraphQLResponse));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Post_variable_coercion_failure_accepting_graphql_response_json_returns_400_bad_user_input()
    {
        var (response, json) = await SendAsync(Post(Body("query ($a: Int!) { add(a: $a) }", new { a = "x" }), GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal("BAD_USER_INPUT", Code(json));
    }

    [Fact]
    public async Task Post_variable_coercion_failure_accepting_json_returns_200()
    {
        var (response, json) = await SendAsync(Post(Body("query ($a: Int!) { add(a: $a) }", new { a = "x" }), Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(json));
    }

    [Fact]
    public async Task Post_field_error_returns_200_with_data_and_error_path()
    {
        var (response, json) = await SendAsync(Post(Body("{ error now }"), GraphQLResponse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").GetProperty("error").ValueKind);
        var error = json.GetProperty("errors")[0];
        Assert.Equal("Something went wrong.", error.GetProperty("message").GetString());
        Assert.Equal("""["error"]""", error.GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task Post_mutation_with_variables_and_operation_name_executes()
    {
        var body = Body("mutation A { x: increment } mutation B($by: Int) { increment(by: $by) }", new { by = 5 }, "B");

        var (response, json) = await SendAsync(Post(body, Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"increment":5}""", json.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Post_unknown_operation_name_accepting_graphql_response_json_returns_400()
    {
        var (response, json) = await SendAsync(Post(Body("query A { now }", operationName: "B"), GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_subscription_returns_400_pointing_to_websocket()
    {
        var (response, json) = await SendAsync(Post(Body("subscription { counter }"), Json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Subscriptions are served over WebSocket with the graphql-transport-ws protocol.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
