using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Types;

public class SchemaBuilderTests
{
    private static IReadOnlyList<string> Errors(SchemaBuilder builder)
        => Assert.Throws<SchemaValidationException>(() => builder.Build()).Errors;

    private static IReadOnlyList<string> Errors(string sdl) => Errors(new SchemaBuilder(sdl).UseDefaultFieldResolver());

    [Fact]
    public void Build_field_without_resolver_fails_with_clear_message()
    {
        var errors = Errors(new SchemaBuilder("type Query { places: [String] }"));

        Assert.Equal(["Field \"Query.places\" has no resolver: bind one with Bind(\"Query\", \"places\", ...), bind \"Query\" to a CLR type with BindType<T>(), or call UseDefaultFieldResolver()."], errors);
    }

    [Fact]
    public void Build_clr_type_without_matching_property_fails()
    {
        var errors = Errors(new SchemaBuilder("type Query { p: P } type P { name: String missing: Int }").Bind("Query", "p", _ => null).BindType<Place>("P"));

        Assert.Equal(["Field \"P.missing\" has no resolver and CLR type Place bound to \"P\" has no property or field \"missing\"."], errors);
    }

    [Fact]
    public void Build_lists_all_problems_at_once()
    {
        var ex = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder("type Query { a: Unknown b: Int }").Bind("Query", "nope", _ => 1).Build());

        Assert.Equal(
        [
            "Unknown type \"Unknown\".",
            "Cannot bind a resolver to \"Query.nope\": type \"Query\" has no field \"nope\".",
            "Field \"Query.b\" has no resolver: bind one with Bind(\"Query\", \"b\", ...), bind \"Query\" to a CLR type with BindType<T>(), or call UseDefaultFieldResolver().",
        ],
            ex.Errors);
        Assert.Contains("  - Unknown type \"Unknown\".", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_syntax_error_reports_line_and_column()
    {
        Assert.Equal(["Syntax Error: Expected Name, found \"}\". (1:14)"], Errors("type Query { }"));
    }

    [Fact]
    public void Build_requires_query_root()
    {
        Assert.Equal(["Query root type must be provided."], Errors("type Foo { a: Int }"));
    }

    [Fact]
    public void Build_rejects_reserved_names()
    {
        Assert.Equal(["Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection."], Errors("type Query { __bad: Int }"));
    }

    [Fact]
    public void Build_rejects_incorrect_interface_implementations()
    {
        var errors = Errors("""
            type Query { n: Node }
            interface Node { id: ID! name(full: Boolean): String }
            type A implements Node { id: ID name: String }
            type B implements Node { name(full: Boolean, req: Int!): String }
            """);

        Assert.Equal(
        [
            "Interface field Node.id expects type ID! but A.id is type ID.",
            "Interface field argument Node.name(full:) expected but A.name does not provide it.",
            "Interface field Node.id expected but B does not provide it.",
            "Object field B.name includes required argument req that is missing from the Interface field Node.name.",
        ],
            errors);
    }

    [Fact]
    public void Build_accepts_interfaces_implementing_interfaces_with_covariant_types()
    {
        var schema = new SchemaBuilder("""
            type Query { r: Resource }
            interface Node { id: ID! parent: Node }
            interface Resource implements Node { id: ID! parent: Resource url: String }
            type Image implements Resource & Node { id: ID! parent: Image url: String }
            """).UseDefaultFieldResolver().Build();

        var resource = (InterfaceType)schema.GetType("Resource")!;
        Assert.True(schema.IsSubType(resource, schema.GetType("Image")!));
        Assert.True(schema.IsSubType((InterfaceType)schema.GetType("Node")!, resource));
    }

    [Fact]
    public void Build_requires_transitive_interfaces()
    {
        Assert.Equal(
            ["Type Image must implement Node because it is implemented by Resource."],
            Errors("type Query { r: Resource } interface Node { id: ID } interface Resource implements Node { id: ID } type Image implements Resource { id: ID }"));
    }

    [Fact]
    public void Build_rejects_union_of_non_objects_and_duplicates()
    {
        Assert.Equal(
            ["Union type U can only include Object types, it cannot include I.", "Union type U can only include type A once."],
            Errors("type Query { u: U } interface I { a: Int } type A { a: Int } union U = A | I | A"));
    }

    [Fact]
    public void Build_rejects_non_null_input_object_cycles()
    {
        Assert.Equal(
            ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\"."],
            Errors("type Query { f(a: A): Int } input A { b: B! } input B { a: A! } input C { self: C }"));
    }

    [Fact]
    public void Build_rejects_invalid_oneof_fields()
    {
        Assert.Equal(
            ["OneOf input field O.a must be nullable.", "OneOf input field O.b cannot have a default value."],
            Errors("type Query { f(o: O): Int } input O @oneOf { a: Int! b: Int = 1 }"));
    }

    [Fact]
    public void Build_rejects_wrong_kinds_in_field_and_argument_positions()
    {
        Assert.Equal(
            ["The type of Query.f must be Output Type but got: In.", "The type of Query.g(o:) must be Input Type but got: Query."],
            Errors("type Query { f: In g(o: Query): Int } input In { a: Int }"));
    }

    [Fact]
    public void Build_rejects_duplicate_types_fields_and_unknown_directives()
    {
        Assert.Equal(
            ["There can be only one type named \"A\".", "Field \"Query.a\" can only be defined once.", "Unknown directive \"@nope\"."],
            Errors("type Query { a: Int @nope a: Int } type A { x: Int } type A { y: Int }"));
    }

    [Fact]
    public void Build_rejects_required_deprecated_argument_and_invalid_default()
    {
        Assert.Equal(
            ["Argument \"Query.f(b:)\" has invalid default value: \"x\".", "Required argument Query.f(a:) cannot be deprecated."],
            Errors("type Query { f(a: Int! @deprecated, b: Int = \"x\"): Int }"));
    }

    [Fact]
    public void Build_applies_extensions_schema_definition_and_descriptions()
    {
        var schema = new SchemaBuilder("""
            "The schema"
            schema { query: Root }
            "Root type"
            type Root { a: Int }
            extend type Root { b(x: Int = 3): String @deprecated(reason: "use a") }
            enum E { X Y @deprecated }
            extend enum E { Z }
            scalar Url @specifiedBy(url: "https://example.com/url")
            """).UseDefaultFieldResolver().Build();

        Assert.Equal("Root", schema.QueryType!.Name);
        Assert.Equal("The schema", schema.Description);
        Assert.Equal("Root type", schema.QueryType.Description);
        var b = schema.QueryType.GetField("b")!;
        Assert.Equal("use a", b.DeprecationReason);
        Assert.Equal("3", b.GetArgument("x")!.DefaultValueLiteral);
        var e = (EnumType)schema.GetType("E")!;
        Assert.Equal(["X", "Y", "Z"], e.Values.Select(v => v.Name));
        Assert.Equal("No longer supported", e.GetValue("Y")!.DeprecationReason);
        Assert.Equal("https://example.com/url", ((ScalarType)schema.GetType("Url")!).SpecifiedByUrl);
    }

    [Fact]
    public void Build_extension_of_unknown_type_fails()
    {
        Assert.Equal(["Cannot extend type \"Nope\" because it is not defined."], Errors("type Query { a: Int } extend type Nope { b: Int }"));
    }

    [Fact]
    public void Build_custom_scalar_binding_must_match_a_declared_scalar()
    {
        Assert.Equal(
            ["Cannot bind scalar \"Date\": no scalar with that name is declared in the schema."],
            Errors(new SchemaBuilder("type Query { a: Int }").UseDefaultFieldResolver().BindScalar("Date", v => v, v => v)));
    }

    public sealed record Place(string Name);
}
