using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Execution;

// Default-resolved scalar and enum fields are completed without a resolver context (Executor.ExecuteDefaultLeaf):
// these pin down that their values, errors and paths are the ones the general path gives.
public partial class ExecutorTests
{
    private enum Shade
    {
        Light,
        Dark,
    }

    private static Schema LeafSchema() => new SchemaBuilder("""
        type Query { items: [Item] item: Item }
        type Item { name: String! count: Int shade: Shade label: String }
        enum Shade { LIGHT DARK }
        """)
        .UseDefaultFieldResolver()
        .Build();

    [Fact]
    public async Task Default_leaf_missing_non_null_value_nulls_the_parent_with_the_field_path()
    {
        var root = Obj(("items", new List<object?> { Obj(("name", "a")), Obj(("count", 2)) }));

        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Item.name.","locations":[{"line":1,"column":11}],"path":["items",1,"name"]}],"data":{"items":[{"name":"a","count":null},null]}}""",
            await Run(LeafSchema(), "{ items { name count } }", root: root));
    }

    [Fact]
    public async Task Default_leaf_value_the_scalar_cannot_serialize_is_a_field_error_with_its_path()
    {
        var root = Obj(("item", Obj(("name", "a"), ("count", "many"))));

        Assert.Equal(
            """{"errors":[{"message":"Int cannot represent non-integer value: \"many\"","locations":[{"line":1,"column":15}],"path":["item","count"]}],"data":{"item":{"name":"a","count":null}}}""",
            await Run(LeafSchema(), "{ item { name count } }", root: root));
    }

    [Fact]
    public async Task Default_leaf_enum_value_outside_the_enum_is_a_field_error()
    {
        var root = Obj(("item", Obj(("name", "a"), ("shade", "PURPLE"))));

        Assert.Equal(
            """{"errors":[{"message":"Enum \"Shade\" cannot represent value: \"PURPLE\"","locations":[{"line":1,"column":15}],"path":["item","shade"]}],"data":{"item":{"name":"a","shade":null}}}""",
            await Run(LeafSchema(), "{ item { name shade } }", root: root));
    }

    [Fact]
    public async Task Default_leaf_holding_a_task_completes_with_the_task_result()
    {
        var root = Obj(("item", Obj(("name", Task.FromResult<object?>("later")), ("label", Delayed("soon")))));

        Assert.Equal("""{"data":{"item":{"name":"later","label":"soon"}}}""", await Run(LeafSchema(), "{ item { name label } }", root: root));

        static async Task<string> Delayed(string value)
        {
            await Task.Yield();
            return value;
        }
    }

    [Fact]
    public async Task Default_leaf_with_an_alias_reports_errors_under_the_alias()
    {
        var root = Obj(("item", Obj(("count", 1.5))));

        Assert.Equal(
            """{"errors":[{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":10}],"path":["item","n"]}],"data":{"item":{"n":null}}}""",
            await Run(LeafSchema(), "{ item { n: count } }", root: root));
    }
}
