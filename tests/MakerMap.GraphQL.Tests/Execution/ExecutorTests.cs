using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Execution;

public partial class ExecutorTests
{
    private static async Task<string> Run(Schema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, object? root = null, string? operationName = null)
    {
        var result = await Executor.ExecuteAsync(schema, Parser.Parse(query), operationName, variables, new ExecutionOptions { RootValue = root });
        return result.ToJson();
    }

    private static Dictionary<string, object?> Obj(params (string Key, object? Value)[] entries)
        => entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public async Task Execute_simple_query_returns_fields_in_selection_order()
    {
        var schema = new SchemaBuilder("type Query { a: String b: Int c: Boolean }")
            .Bind("Query", "a", _ => "x")
            .Bind("Query", "b", _ => 2)
            .Bind("Query", "c", _ => true)
            .Build();

        Assert.Equal("""{"data":{"c":true,"a":"x","b":2}}""", await Run(schema, "{ c a b }"));
    }

    [Fact]
    public async Task Execute_aliases_and_repeated_fields_merge_by_response_key()
    {
        var schema = new SchemaBuilder("type Query { echo(v: String): String }")
            .Bind("Query", "echo", ctx => ctx.Argument<string?>("v"))
            .Build();

        Assert.Equal("""{"data":{"x":"1","echo":"2","y":null}}""", await Run(schema, """{ x: echo(v: "1") echo(v: "2") y: echo echo(v: "2") }"""));
    }

    [Fact]
    public async Task Execute_default_field_resolver_reads_dictionary_keys_and_properties()
    {
        var schema = new SchemaBuilder("type Query { a: String b: Thing } type Thing { name: String size: Int }")
            .UseDefaultFieldResolver()
            .Build();
        var root = Obj(("a", "hello"), ("b", new Thing("t", 3)));

        Assert.Equal("""{"data":{"a":"hello","b":{"name":"t","size":3}}}""", await Run(schema, "{ a b { name size } }", root: root));
    }

    [Fact]
    public async Task Execute_bound_clr_type_resolves_fields_from_compiled_accessors()
    {
        var schema = new SchemaBuilder("type Query { thing: Thing } type Thing { name: String size: Int double: Int }")
            .Bind("Query", "thing", _ => new Thing("t", 3))
            .BindType<Thing>("Thing", t => t.Field("double", x => x.Size * 2))
            .Build();

        Assert.Equal("""{"data":{"thing":{"name":"t","size":3,"double":6}}}""", await Run(schema, "{ thing { name size double } }"));
    }

    [Fact]
    public async Task Execute_typename_on_root_and_objects()
    {
        var schema = new SchemaBuilder("type Query { thing: Thing } type Thing { name: String }")
            .Bind("Query", "thing", _ => new Thing("t", 1))
            .BindType<Thing>("Thing")
            .Build();

        Assert.Equal("""{"data":{"__typename":"Query","thing":{"__typename":"Thing","t":"Thing"}}}""", await Run(schema, "{ __typename thing { __typename t: __typename } }"));
    }

    [Fact]
    public async Task Execute_skip_and_include_with_variables_and_literals()
    {
        var schema = new SchemaBuilder("type Query { a: Int b: Int c: Int d: Int }").UseDefaultFieldResolver().Build();
        var root = Obj(("a", 1), ("b", 2), ("c", 3), ("d", 4));
        var vars = new Dictionary<string, object?> { ["yes"] = true, ["no"] = false };

        Assert.Equal(
            """{"data":{"a":1,"d":4}}""",
            await Run(schema, "query ($yes: Boolean!, $no: Boolean!) { a @include(if: $yes) b @include(if: $no) c @skip(if: true) ... @skip(if: $no) { d } }", vars, root));
    }

    [Fact]
    public async Task Execute_fragments_on_abstract_types_apply_by_runtime_type()
    {
        var schema = new SchemaBuilder("""
            type Query { pets: [Pet] }
            interface Pet { name: String }
            type Dog implements Pet { name: String barks: Boolean }
            type Cat implements Pet { name: String meows: Boolean }
            """)
            .UseDefaultFieldResolver()
            .Build();
        var root = Obj(("pets", new List<object?>
        {
            Obj(("__typename", "Dog"), ("name", "Rex"), ("barks", true)),
            Obj(("__typename", "Cat"), ("name", "Tom"), ("meows", false)),
        }));

        Assert.Equal(
            """{"data":{"pets":[{"name":"Rex","barks":true},{"name":"Tom","meows":false}]}}""",
            await Run(schema, "{ pets { name ... on Dog { barks } ...C } } fragment C on Cat { meows }", root: root));
    }

    [Fact]
    public async Task Execute_operation_name_selects_operation()
    {
        var schema = new SchemaBuilder("type Query { a: Int b: Int }").UseDefaultFieldResolver().Build();
        var root = Obj(("a", 1), ("b", 2));

        Assert.Equal("""{"data":{"b":2}}""", await Run(schema, "query A { a } query B { b }", root: root, operationName: "B"));
        Assert.Equal(
            """{"errors":[{"message":"Must provide operation name if query contains multiple operations.","extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}""",
            await Run(schema, "query A { a } query B { b }", root: root));
        Assert.Equal(
            """{"errors":[{"message":"Unknown operation named \"C\".","extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}""",
            await Run(schema, "query A { a }", root: root, operationName: "C"));
    }

    [Fact]
    public async Task Execute_async_resolvers_run_in_parallel_for_queries()
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = new SchemaBuilder("type Query { first: Boolean second: Boolean }")
            .Bind("Query", "first", async (_, ct) => await gate.Task.WaitAsync(ct))
            .Bind("Query", "second", (_, _) =>
            {
                gate.SetResult(true);
                return Task.FromResult(true);
            })
            .Build();

        // "first" waits for "second": this only completes if both start before either is awaited.
        var json = await Run(schema, "{ first second }").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("""{"data":{"first":true,"second":true}}""", json);
    }

    [Fact]
    public async Task Execute_mutations_run_serially_in_document_order()
    {
        var log = new List<string>();
        var schema = new SchemaBuilder("type Query { a: Int } type Mutation { add(n: Int!): Int }")
            .Bind("Query", "a", _ => 1)
            .Bind("Mutation", "add", async (ctx, ct) =>
            {
                var n = ctx.Argument<int>("n");
                log.Add("start " + n);
                await Task.Delay(n == 1 ? 50 : 1, ct);
                log.Add("end " + n);
                return n;
            })
            .Build();

        var json = await Run(schema, "mutation { one: add(n: 1) two: add(n: 2) three: add(n: 3) }");

        Assert.Equal("""{"data":{"one":1,"two":2,"three":3}}""", json);
        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"], log);
    }

    [Fact]
    public async Task Execute_request_extensions_and_user_context_reach_resolvers()
    {
        var schema = new SchemaBuilder("type Query { who: String ext: String }")
            .Bind("Query", "who", ctx => ctx.UserContext as string)
            .Bind("Query", "ext", ctx => ctx.RequestExtensions?["trace"] as string)
            .Build();
        var engine = new GraphQLEngine(schema);

        var result = await engine.ExecuteAsync(new GraphQLRequest("{ who ext }", Extensions: new Dictionary<string, object?> { ["trace"] = "t1" }) { UserContext = "alice" });

        Assert.Equal("""{"data":{"who":"alice","ext":"t1"}}""", result.ToJson());
    }

    public sealed record Thing(string Name, int Size);
}
