using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests;

public class GraphQLEngineTests
{
    private static GraphQLEngine Engine(GraphQLEngineOptions? options = null) => new(
        new SchemaBuilder("type Query { hello(name: String = \"world\"): String slow: String } type Mutation { m: Int }")
            .Bind("Query", "hello", ctx => "hello " + ctx.Argument<string>("name"))
            .Bind("Query", "slow", async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                return "late";
            })
            .Bind("Mutation", "m", _ => 1)
            .Build(),
        options);

    [Fact]
    public void Prepare_reports_each_status()
    {
        var engine = Engine();

        Assert.Equal(PreparedRequestStatus.MissingQuery, engine.Prepare(null, null).Status);
        var parse = engine.Prepare("{ hello", null);
        Assert.Equal(PreparedRequestStatus.ParseFailed, parse.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", parse.Errors[0].Code);
        Assert.Equal(1, parse.Errors[0].Locations[0].Line);
        var invalid = engine.Prepare("{ nope }", null);
        Assert.Equal(PreparedRequestStatus.ValidationFailed, invalid.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", invalid.Errors[0].Code);
        Assert.Equal(PreparedRequestStatus.OperationNotFound, engine.Prepare("query A { hello }", "B").Status);
        var ok = engine.Prepare("query A { hello } mutation B { m }", "B");
        Assert.Equal(PreparedRequestStatus.Ok, ok.Status);
        Assert.Equal(OperationType.Mutation, ok.OperationType);
        Assert.Empty(ok.Errors);
    }

    [Fact]
    public void Prepare_caches_documents_by_query_text()
    {
        var engine = Engine();

        var first = engine.Prepare("{ hello }", null);
        var second = engine.Prepare("{ hello }", null);

        Assert.Same(first.Document, second.Document);
    }

    [Fact]
    public async Task Execute_request_errors_have_no_data()
    {
        var result = await Engine().ExecuteAsync(new GraphQLRequest("{ nope }"));

        Assert.False(result.HasData);
        Assert.StartsWith("""{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".""", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_with_variables_from_json()
    {
        var variables = JsonInput.ObjectFromJsonElement(System.Text.Json.JsonDocument.Parse("""{"n":"you"}""").RootElement);

        var result = await Engine().ExecuteAsync(new GraphQLRequest("query ($n: String) { a: hello b: hello(name: $n) }", Variables: variables));

        Assert.Equal("""{"data":{"a":"hello world","b":"hello you"}}""", result.ToJson());
    }

    [Fact]
    public async Task Execute_timeout_returns_timeout_error()
    {
        var engine = Engine(new GraphQLEngineOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });

        var result = await engine.ExecuteAsync(new GraphQLRequest("{ slow }")).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("""{"errors":[{"message":"Execution timed out.","extensions":{"code":"EXECUTION_TIMEOUT"}}]}""", result.ToJson());
    }

    [Fact]
    public async Task Execute_caller_cancellation_throws()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().ExecuteAsync(new GraphQLRequest("{ slow }"), cts.Token));
    }

    [Fact]
    public void JsonInput_converts_numbers_to_int_long_or_double()
    {
        var value = (Dictionary<string, object?>)JsonInput.FromJsonElement(System.Text.Json.JsonDocument.Parse("""{"i":1,"l":3000000000,"d":1.5,"n":null,"list":[true,"s"]}""").RootElement)!;

        Assert.IsType<int>(value["i"]);
        Assert.IsType<long>(value["l"]);
        Assert.IsType<double>(value["d"]);
        Assert.Null(value["n"]);
        Assert.Equal([true, "s"], (List<object?>)value["list"]!);
    }

    [Fact]
    public void ExecutionResult_from_errors_writes_errors_only()
    {
        Assert.Equal(
            """{"errors":[{"message":"Bad.","extensions":{"code":"BAD_REQUEST"}}]}""",
            ExecutionResult.FromError("Bad.", "BAD_REQUEST").ToJson());
    }
}
