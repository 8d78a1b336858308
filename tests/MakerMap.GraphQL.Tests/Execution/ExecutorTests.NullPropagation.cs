using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Execution;

public partial class ExecutorTests
{
    private static Schema NullSchema() => new SchemaBuilder("""
        type Query { nullable: Node nonNull: Node! list: [Int] listOfNonNull: [Int!] nonNullList: [Int]! }
        type Node { value: String nonNullValue: String! child: Node nonNullChild: Node! }
        """)
        .Bind("Query", "nullable", _ => new object())
        .Bind("Query", "nonNull", _ => new object())
        .Bind("Query", "list", _ => new List<object?> { 1, null, 3 })
        .Bind("Query", "listOfNonNull", _ => new List<object?> { 1, null, 3 })
        .Bind("Query", "nonNullList", _ => null)
        .Bind("Node", "value", _ => null)
        .Bind("Node", "nonNullValue", _ => null)
        .Bind("Node", "child", _ => new object())
        .Bind("Node", "nonNullChild", _ => new object())
        .Build();

    [Fact]
    public async Task Null_in_non_null_field_propagates_to_nearest_nullable_parent()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Node.nonNullValue.","locations":[{"line":1,"column":22}],"path":["nullable","child","nonNullValue"]}],"data":{"nullable":{"child":null}}}""",
            await Run(NullSchema(), "{ nullable { child { nonNullValue } } }"));
    }

    [Fact]
    public async Task Null_propagates_through_non_null_chain_to_data()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Node.nonNullValue.","locations":[{"line":1,"column":28}],"path":["nonNull","nonNullChild","nonNullValue"]}],"data":null}""",
            await Run(NullSchema(), "{ nonNull { nonNullChild { nonNullValue } } }"));
    }

    [Fact]
    public async Task Null_item_in_list_of_non_null_nulls_the_list_with_item_path()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.listOfNonNull.","locations":[{"line":1,"column":8}],"path":["listOfNonNull",1]}],"data":{"list":[1,null,3],"listOfNonNull":null}}""",
            await Run(NullSchema(), "{ list listOfNonNull }"));
    }

    [Fact]
    public async Task Null_for_non_null_root_field_nulls_data()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullList.","locations":[{"line":1,"column":3}],"path":["nonNullList"]}],"data":null}""",
            await Run(NullSchema(), "{ nonNullList list }"));
    }

    [Fact]
    public async Task Nulled_position_reports_one_error_like_graphql_js()
    {
        // Two non-null siblings fail; the parent is nulled once, so only the first error in response order is kept.
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Node.nonNullValue.","locations":[{"line":1,"column":14}],"path":["nullable","nonNullValue"]}],"data":{"nullable":null}}""",
            await Run(NullSchema(), "{ nullable { nonNullValue other: nonNullValue } }"));
    }

    [Fact]
    public async Task Resolver_exception_becomes_unexpected_error_without_exception_text()
    {
        var schema = new SchemaBuilder("type Query { boom: String ok: String }")
            .Bind("Query", "boom", _ => throw new InvalidOperationException("secret connection string"))
            .Bind("Query", "ok", _ => "fine")
            .Build();

        var json = await Run(schema, "{ boom ok }");

        Assert.Equal(
            """{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":3}],"path":["boom"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"boom":null,"ok":"fine"}}""",
            json);
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_resolver_exception_is_hidden_too()
    {
        var schema = new SchemaBuilder("type Query { boom: String }")
            .Bind<string>("Query", "boom", async (_, ct) =>
            {
                await Task.Delay(1, ct);
                throw new InvalidOperationException("stack trace here");
            })
            .Build();

        Assert.Equal(
            """{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":3}],"path":["boom"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"boom":null}}""",
            await Run(schema, "{ boom }"));
    }

    [Fact]
    public async Task GraphQLException_carries_its_safe_message_and_code()
    {
        var schema = new SchemaBuilder("type Query { secret: String }")
            .Bind("Query", "secret", _ => throw GraphQLException.Forbidden("You may not see this."))
            .Build();

        Assert.Equal(
            """{"errors":[{"message":"You may not see this.","locations":[{"line":1,"column":3}],"path":["secret"],"extensions":{"code":"FORBIDDEN"}}],"data":{"secret":null}}""",
            await Run(schema, "{ secret }"));
    }

    [Fact]
    public async Task Unexpected_errors_are_reported_to_the_logger_hook()
    {
        var logged = new List<string>();
        var schema = new SchemaBuilder("type Query { boom: String }")
            .Bind("Query", "boom", _ => throw new InvalidOperationException("details"))
            .Build();

        await Executor.ExecuteAsync(schema, MakerMap.GraphQL.Language.Parser.Parse("{ boom }"), options: new ExecutionOptions { OnUnexpectedError = (ex, path) => logged.Add(path + ": " + ex.Message) });

        Assert.Equal(["boom: details"], logged);
    }

    [Fact]
    public async Task Scalar_serialization_failure_is_a_field_error()
    {
        var schema = new SchemaBuilder("type Query { n: Int big: Int }")
            .Bind("Query", "n", _ => 1.5)
            .Bind("Query", "big", _ => 3_000_000_000L)
            .Build();

        Assert.Equal(
            """{"errors":[{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":3}],"path":["n"]},{"message":"Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":5}],"path":["big"]}],"data":{"n":null,"big":null}}""",
            await Run(schema, "{ n big }"));
    }

    [Fact]
    public async Task Non_iterable_for_list_field_is_a_field_error()
    {
        var schema = new SchemaBuilder("type Query { list: [Int] }").Bind("Query", "list", _ => 5).Build();

        Assert.Equal(
            """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.list\".","locations":[{"line":1,"column":3}],"path":["list"]}],"data":{"list":null}}""",
            await Run(schema, "{ list }"));
    }

    [Fact]
    public async Task Enum_results_serialize_by_name_and_clr_enums_bind()
    {
        var schema = new SchemaBuilder("type Query { color: Color colors(c: Color = GREEN_ISH): [Color] } enum Color { RED GREEN_ISH }")
            .BindEnum<Color>("Color")
            .Bind("Query", "color", _ => Color.Red)
            .Bind("Query", "colors", ctx => new[] { ctx.Argument<Color>("c"), Color.Red })
            .Build();

        Assert.Equal("""{"data":{"color":"RED","colors":["GREEN_ISH","RED"]}}""", await Run(schema, "{ color colors }"));
    }

    public enum Color
    {
        Red,
        GreenIsh,
    }
}
