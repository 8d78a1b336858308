using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Execution;

public class ValueCoercionTests
{
    private static readonly Schema Schema = new SchemaBuilder("""
        type Query {
          int(v: Int): String
          float(v: Float): String
          string(v: String): String
          bool(v: Boolean): String
          id(v: ID): String
          color(v: Color): String
          input(v: In): String
          list(v: [Int!]): String
          one(v: One): String
          required(v: Int!): String
          defaulted(v: Int = 42): String
        }
        enum Color { RED GREEN BLUE }
        input In { a: Int! b: String = "dflt" nested: [In!] }
        input One @oneOf { x: Int y: String }
        """)
        .UseDefaultFieldResolver()
        .Build();

    private static async Task<string> Run(string query, string? variablesJson = null)
    {
        var vars = variablesJson is null ? null : JsonInput.ObjectFromJsonElement(System.Text.Json.JsonDocument.Parse(variablesJson).RootElement);
        var root = new Dictionary<string, object?>();
        var schema = Schema;
        foreach (var field in schema.QueryType!.Fields)
        {
            root[field.Name] = null;
        }

        var engineSchema = new SchemaBuilder(SchemaPrinter.Print(schema));
        foreach (var field in schema.QueryType.Fields)
        {
            engineSchema.Bind("Query", field.Name, ctx => Describe(ctx.Arguments.GetValueOrDefault("v")));
        }

        var result = await Executor.ExecuteAsync(engineSchema.Build(), Parser.Parse(query), variables: vars);
        return result.ToJson();
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> => "{" + string.Join(",", ((IEnumerable<KeyValuePair<string, object?>>)value).Select(kv => kv.Key + ":" + Describe(kv.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Describe)) + "]",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d",
        bool b => b ? "true" : "false",
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + ":" + value.GetType().Name,
    };

    private static string Error(string message, int column = 8)
        => "{\"errors\":[{\"message\":\"" + message.Replace("\"", "\\\"", StringComparison.Ordinal) + "\",\"locations\":[{\"line\":1,\"column\":" + column + "}],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}";

    [Fact]
    public async Task Variables_of_each_builtin_scalar_coerce()
    {
        Assert.Equal(
            """{"data":{"int":"7:Int32","float":"7d","string":"\"s\"","bool":"true","id":"\"7\""}}""",
            await Run("query ($i: Int, $f: Float, $s: String, $b: Boolean, $id: ID) { int(v: $i) float(v: $f) string(v: $s) bool(v: $b) id(v: $id) }", """{"i":7,"f":7,"s":"s","b":true,"id":7}"""));
    }

    [Fact]
    public async Task Variable_int_with_fraction_reports_graphql_js_message()
    {
        Assert.Equal(Error("Variable \"$x\" got invalid value 1.5; Int cannot represent non-integer value: 1.5"), await Run("query ($x: Int) { int(v: $x) }", """{"x":1.5}"""));
    }

    [Fact]
    public async Task Variable_int_out_of_range_reports_graphql_js_message()
    {
        Assert.Equal(Error("Variable \"$x\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648"), await Run("query ($x: Int) { int(v: $x) }", """{"x":2147483648}"""));
    }

    [Fact]
    public async Task Variable_string_for_int_reports_quoted_value()
    {
        Assert.Equal(Error("Variable \"$x\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\""), await Run("query ($x: Int) { int(v: $x) }", """{"x":"abc"}"""));
    }

    [Fact]
    public async Task Variable_required_not_provided()
    {
        Assert.Equal(Error("Variable \"$x\" of required type \"Int!\" was not provided."), await Run("query ($x: Int!) { required(v: $x) }"));
    }

    [Fact]
    public async Task Variable_non_null_given_null()
    {
        Assert.Equal(Error("Variable \"$x\" of non-null type \"Int!\" must not be null."), await Run("query ($x: Int!) { required(v: $x) }", """{"x":null}"""));
    }

    [Fact]
    public async Task Variable_unknown_enum_value_suggests_close_names()
    {
        Assert.Equal(
            Error("Variable \"$x\" got invalid value \"REDD\"; Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?"),
            await Run("query ($x: Color) { color(v: $x) }", """{"x":"REDD"}"""));
    }

    [Fact]
    public async Task Variable_input_object_missing_required_field_and_unknown_field()
    {
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$x\" got invalid value { c: 1 }; Field \"a\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$x\" got invalid value { c: 1 }; Field \"c\" is not defined by type \"In\". Did you mean \"a\" or \"b\"?","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}""",
            await Run("query ($x: In) { input(v: $x) }", """{"x":{"c":1}}"""));
    }

    [Fact]
    public async Task Variable_nested_invalid_value_reports_path()
    {
        Assert.Equal(
            Error("Variable \"$x\" got invalid value \"no\" at \"x.nested[0].a\"; Int cannot represent non-integer value: \"no\""),
            await Run("query ($x: In) { input(v: $x) }", """{"x":{"a":1,"nested":[{"a":"no"}]}}"""));
    }

    [Fact]
    public async Task Variable_input_object_gets_field_defaults()
    {
        Assert.Equal("""{"data":{"input":"{a:1:Int32,b:\"dflt\"}"}}""", await Run("query ($x: In) { input(v: $x) }", """{"x":{"a":1}}"""));
    }

    [Fact]
    public async Task Variable_single_value_coerces_to_list()
    {
        Assert.Equal("""{"data":{"list":"[3:Int32]"}}""", await Run("query ($x: [Int!]) { list(v: $x) }", """{"x":3}"""));
    }

    [Fact]
    public async Task Variable_list_with_null_item_for_non_null_items_fails()
    {
        Assert.Equal(
            Error("Variable \"$x\" got invalid value null at \"x[1]\"; Expected non-nullable type \"Int!\" not to be null."),
            await Run("query ($x: [Int!]) { list(v: $x) }", """{"x":[1,null]}"""));
    }

    [Fact]
    public async Task Variable_oneof_with_two_keys_fails()
    {
        Assert.Equal(
            Error("Variable \"$x\" got invalid value { x: 1, y: \"a\" }; Exactly one key must be specified for OneOf type \"One\"."),
            await Run("query ($x: One) { one(v: $x) }", """{"x":{"x":1,"y":"a"}}"""));
    }

    [Fact]
    public async Task Variable_oneof_with_null_value_fails()
    {
        Assert.Equal(
            Error("Variable \"$x\" got invalid value null at \"x.x\"; Field \"x\" must be non-null."),
            await Run("query ($x: One) { one(v: $x) }", """{"x":{"x":null}}"""));
    }

    [Fact]
    public async Task Literal_arguments_coerce_with_defaults_and_variables_inside_objects()
    {
        Assert.Equal(
            """{"data":{"defaulted":"42:Int32","float":"3d","input":"{a:5:Int32,b:\"dflt\"}","id":"\"12\"","list":"[1:Int32,2:Int32]"}}""",
            await Run("query ($n: Int = 5) { defaulted float(v: 3) input(v: { a: $n }) id(v: 12) list(v: [1, 2]) }"));
    }

    [Fact]
    public async Task Variable_default_used_when_not_provided_and_explicit_null_kept()
    {
        Assert.Equal("""{"data":{"a":"7:Int32","b":"null"}}""", await Run("query ($x: Int = 7, $y: Int = 7) { a: int(v: $x) b: int(v: $y) }", """{"y":null}"""));
    }

    [Fact]
    public void Scalar_literals_report_graphql_js_messages()
    {
        var e1 = Assert.Throws<ValueCoercionException>(() => ValueCoercion.ParseScalarLiteral(SpecifiedScalars.Int, Parser.ParseValue("1.5")));
        Assert.Equal("Int cannot represent non-integer value: 1.5", e1.Message);
        var e2 = Assert.Throws<ValueCoercionException>(() => ValueCoercion.ParseScalarLiteral(SpecifiedScalars.String, Parser.ParseValue("1")));
        Assert.Equal("String cannot represent a non string value: 1", e2.Message);
        var e3 = Assert.Throws<ValueCoercionException>(() => ValueCoercion.ParseScalarLiteral(SpecifiedScalars.ID, Parser.ParseValue("1.5")));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.5", e3.Message);
        var e4 = Assert.Throws<ValueCoercionException>(() => ValueCoercion.ParseScalarLiteral(SpecifiedScalars.Boolean, Parser.ParseValue("ENUM")));
        Assert.Equal("Boolean cannot represent a non boolean value: ENUM", e4.Message);
        var e5 = Assert.Throws<ValueCoercionException>(() => ValueCoercion.ParseScalarLiteral(SpecifiedScalars.Int, Parser.ParseValue("2147483648")));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", e5.Message);
    }
}
