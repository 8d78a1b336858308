using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Tests.Fixtures;

namespace MakerMap.GraphQL.Tests.Language;

public class PrinterTests
{
    private static string Reprint(string text) => Printer.Print(Parser.Parse(text));

    [Theory]
    [InlineData("kitchen-sink.graphql")]
    [InlineData("schema-kitchen-sink.graphql")]
    public void Print_kitchen_sink_round_trips(string fixture)
    {
        var printed = Reprint(FixtureFile.Read(fixture));
        Assert.Equal(printed, Reprint(printed));
    }

    [Fact]
    public void Print_kitchen_sink_has_graphql_js_layout()
    {
        var printed = Reprint(FixtureFile.Read("kitchen-sink.graphql"));
        Assert.StartsWith(
            "query lookupMakerSpace($id: ID = \"hq\", $near: [Float!]! = [52.52, 13.405], $flags: FilterInput @internal) @trace(sample: 0.25) {\n"
            + "  space: place(id: $id) {\n    id\n    ... on Workshop @include(if: true) {\n",
            printed,
            StringComparison.Ordinal);
        Assert.Contains("  bookSlot(\n    input: {toolId: 7, note: \"bring \\\"goggles\\\"\", when: {from: \"09:00\", to: \"11:30\"}, tags: [SAFETY, LASER]}\n  ) {\n", printed, StringComparison.Ordinal);
        Assert.Contains("fragment ToolParts on Tool @cached(ttl: -1.5e3) {\n", printed, StringComparison.Ordinal);
        Assert.Contains("  manual(format: \"\"\"\n  Read me first.\n    Indented line.\n  \"\"\")\n", printed, StringComparison.Ordinal);
        Assert.Contains("\n\n{\n  unnamed(truthy: true, falsy: false, nullish: null)\n  query\n}\n\n{\n  __typename\n}", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_anonymous_query_uses_short_form()
    {
        Assert.Equal("{\n  a\n  b {\n    c\n  }\n}", Reprint("query { a, b { c } }"));
    }

    [Fact]
    public void Print_named_operation_keeps_keyword_variables_and_directives()
    {
        Assert.Equal(
            "query Q($a: Int = 1, $b: [String!]! @v) @d {\n  f(a: $a)\n}",
            Reprint("query Q($a:Int=1 $b:[String!]!@v)@d{f(a:$a)}"));
        Assert.Equal("mutation {\n  m\n}", Reprint("mutation { m }"));
        Assert.Equal("query @d {\n  f\n}", Reprint("query @d { f }"));
    }

    [Fact]
    public void Print_fragments_and_spreads()
    {
        Assert.Equal(
            "{\n  ...F @d\n  ... on T {\n    a\n  }\n  ... @include(if: $x) {\n    b\n  }\n}\n\nfragment F on T @d {\n  c\n}",
            Reprint("{ ...F @d ... on T { a } ... @include(if: $x) { b } } fragment F on T @d { c }"));
    }

    [Fact]
    public void Print_values_like_graphql_js()
    {
        Assert.Equal("{a: [1, 2.5e3, \"s\", true, null, ENUM, $v], b: {}}", Printer.Print(Parser.ParseValue("{a:[1 2.5e3 \"s\" true null ENUM $v] b:{}}")));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\" back\\slash", "\"quote\\\" back\\\\slash\"")]
    [InlineData("ctl\n\t\r\b\f\u0001\u001F\u007F\u0085", "\"ctl\\n\\t\\r\\b\\f\\u0001\\u001F\\u007F\\u0085\"")]
    [InlineData("emoji \U0001F600", "\"emoji \U0001F600\"")]
    public void PrintString_escapes_like_graphql_js(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintString(value));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("short", "\"\"\"short\"\"\"")]
    [InlineData(" leading space", "\"\"\" leading space\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\"")]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    [InlineData("ends with slash\\", "\"\"\"\nends with slash\\\n\"\"\"")]
    [InlineData("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\"")]
    [InlineData("    indented first\nsecond", "\"\"\"\n    indented first\nsecond\n\"\"\"")]
    public void BlockString_print_matches_graphql_js(string value, string expected)
    {
        Assert.Equal(expected, BlockString.Print(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n\n  b\n\tc")]
    [InlineData("\"\"\"\\\"")]
    [InlineData("trailing \" ")]
    [InlineData("x\\")]
    public void BlockString_print_then_parse_round_trips(string value)
    {
        var parsed = Assert.IsType<StringValueNode>(Parser.ParseValue(BlockString.Print(value)));
        Assert.Equal(value, parsed.Value);
    }

    [Fact]
    public void Print_long_argument_list_wraps_one_argument_per_line()
    {
        var printed = Reprint("{ field(alpha: \"aaaaaaaaaaaaaaaaaaaa\", beta: \"bbbbbbbbbbbbbbbbbbbb\", gamma: \"cccccccccccc\") }");
        Assert.Equal(
            "{\n  field(\n    alpha: \"aaaaaaaaaaaaaaaaaaaa\"\n    beta: \"bbbbbbbbbbbbbbbbbbbb\"\n    gamma: \"cccccccccccc\"\n  )\n}",
            printed);
    }

    [Fact]
    public void Print_sdl_definitions_like_graphql_js()
    {
        Assert.Equal(
            "\"\"\"Doc\"\"\"\ntype T implements A & B @d {\n  \"Field doc\"\n  f(a: Int = 1, b: [String!]): String! @deprecated\n}",
            Reprint("\"\"\"Doc\"\"\" type T implements A & B @d { \"Field doc\" f(a: Int = 1 b: [String!]): String! @deprecated }"));
        Assert.Equal("union U @d = A | B", Reprint("union U @d = | A | B"));
        Assert.Equal("directive @d(a: Int) repeatable on FIELD | OBJECT", Reprint("directive @d(a: Int) repeatable on | FIELD | OBJECT"));
        Assert.Equal("schema @x {\n  query: Q\n  mutation: M\n}", Reprint("schema @x { query: Q mutation: M }"));
        Assert.Equal("extend schema @x", Reprint("extend schema @x"));
        Assert.Equal("enum E {\n  A\n  B @deprecated(reason: \"no\")\n}", Reprint("enum E { A B @deprecated(reason: \"no\") }"));
        Assert.Equal("input I @oneOf {\n  a: Int = 1 @x\n  b: String\n}", Reprint("input I @oneOf { a: Int = 1 @x, b: String }"));
        Assert.Equal("extend type T implements I", Reprint("extend type T implements I"));
        Assert.Equal("type Empty", Reprint("type Empty"));
    }

    [Fact]
    public void Print_argument_definitions_with_descriptions_break_lines()
    {
        Assert.Equal(
            "type T {\n  f(\n    \"doc\"\n    a: Int\n    b: Int\n  ): Int\n}",
            Reprint("type T { f(\"doc\" a: Int, b: Int): Int }"));
    }

    [Fact]
    public void Print_executable_descriptions()
    {
        Assert.Equal(
            "\"Op\"\nquery Q(\n  \"V\"\n  $a: Int\n) {\n  f\n}\n\n\"F\"\nfragment F on T {\n  g\n}",
            Reprint("\"Op\" query Q(\"V\" $a: Int) { f } \"F\" fragment F on T { g }"));
    }

    [Fact]
    public void Node_to_string_prints_the_node()
    {
        var field = new FieldNode { Name = new NameNode { Value = "hello" } };
        Assert.Equal("hello", field.ToString());
    }
}
