using System.Text.Json;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Tests.Fixtures;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Types;

public class IntrospectionTests
{
    private const string Sdl = """
        "Test schema"
        schema { query: Query mutation: Mutation }

        "The root"
        type Query {
          "A node"
          node(id: ID!): Node
          old: String @deprecated(reason: "Use node.")
          search(term: String = "x", limit: Int @deprecated): [Result!]!
          color(c: Color = RED): Color
        }
        type Mutation { noop(input: Pick): Boolean }
        interface Node { id: ID! }
        type Place implements Node { id: ID! url: Url }
        type Person implements Node { id: ID! }
        union Result = Place | Person
        enum Color { RED GREEN @deprecated(reason: "Too green.") }
        input Pick @oneOf { a: Int b: String @deprecated }
        scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
        directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT
        """;

    private static readonly Schema Schema = new SchemaBuilder(Sdl).UseDefaultFieldResolver().Build();

    private static async Task<JsonElement> Run(string query)
    {
        var result = await Executor.ExecuteAsync(Schema, Parser.Parse(query));
        Assert.Empty(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    [Fact]
    public async Task Full_introspection_query_with_all_options_succeeds_and_passes_validation()
    {
        var query = FixtureFile.Read("introspection-query.graphql");
        var engine = new GraphQLEngine(Schema);

        var result = await engine.ExecuteAsync(new GraphQLRequest(query));

        Assert.Empty(result.Errors);
        var schema = JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Test schema", schema.GetProperty("description").GetString());
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("subscriptionType").ValueKind);
        var typeNames = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["Query", "ID", "String", "Int", "Mutation", "Boolean", "Node", "Place", "Person", "Result", "Color", "Pick", "Url", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"],
            typeNames);
        var directives = schema.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["cached", "include", "skip", "deprecated", "specifiedBy", "oneOf"], directives);
    }

    [Fact]
    public async Task Type_reports_fields_args_defaults_and_deprecation()
    {
        var data = await Run("""{ __type(name: "Query") { kind name description fields(includeDeprecated: true) { name isDeprecated deprecationReason args(includeDeprecated: true) { name defaultValue isDeprecated type { kind name ofType { name } } } } } }""");

        Assert.Equal(
            """{"kind":"OBJECT","name":"Query","description":"The root","fields":[{"name":"node","isDeprecated":false,"deprecationReason":null,"args":[{"name":"id","defaultValue":null,"isDeprecated":false,"type":{"kind":"NON_NULL","name":null,"ofType":{"name":"ID"}}}]},{"name":"old","isDeprecated":true,"deprecationReason":"Use node.","args":[]},{"name":"search","isDeprecated":false,"deprecationReason":null,"args":[{"name":"term","defaultValue":"\"x\"","isDeprecated":false,"type":{"kind":"SCALAR","name":"String","ofType":null}},{"name":"limit","defaultValue":null,"isDeprecated":true,"type":{"kind":"SCALAR","name":"Int","ofType":null}}]},{"name":"color","isDeprecated":false,"deprecationReason":null,"args":[{"name":"c","defaultValue":"RED","isDeprecated":false,"type":{"kind":"ENUM","name":"Color","ofType":null}}]}]}""",
            data.GetProperty("__type").GetRawText());
    }

    [Fact]
    public async Task Deprecated_elements_are_hidden_unless_requested()
    {
        var data = await Run("""
            {
              q: __type(name: "Query") { fields { name args { name } } }
              c: __type(name: "Color") { enumValues { name } all: enumValues(includeDeprecated: true) { name deprecationReason } }
              p: __type(name: "Pick") { isOneOf inputFields { name } }
            }
            """);

        Assert.Equal("""{"fields":[{"name":"node","args":[{"name":"id"}]},{"name":"search","args":[{"name":"term"}]},{"name":"color","args":[{"name":"c"}]}]}""", data.GetProperty("q").GetRawText());
        Assert.Equal("""{"enumValues":[{"name":"RED"}],"all":[{"name":"RED","deprecationReason":null},{"name":"GREEN","deprecationReason":"Too green."}]}""", data.GetProperty("c").GetRawText());
        Assert.Equal("""{"isOneOf":true,"inputFields":[{"name":"a"}]}""", data.GetProperty("p").GetRawText());
    }

    [Fact]
    public async Task Abstract_types_list_possible_types_and_interfaces()
    {
        var data = await Run("""{ n: __type(name: "Node") { possibleTypes { name } } r: __type(name: "Result") { possibleTypes { name } } p: __type(name: "Place") { interfaces { name } fields { name } possibleTypes { name } } }""");

        Assert.Equal("""{"n":{"possibleTypes":[{"name":"Place"},{"name":"Person"}]},"r":{"possibleTypes":[{"name":"Place"},{"name":"Person"}]},"p":{"interfaces":[{"name":"Node"}],"fields":[{"name":"id"},{"name":"url"}],"possibleTypes":null}}""", data.GetRawText());
    }

    [Fact]
    public async Task Scalars_report_specified_by_url_and_directives_report_repeatable()
    {
        var data = await Run("""{ __type(name: "Url") { specifiedByURL } __schema { directives { name isRepeatable locations args { name defaultValue } } } }""");

        Assert.Equal("https://url.spec.whatwg.org/", data.GetProperty("__type").GetProperty("specifiedByURL").GetString());
        Assert.Equal(
            """{"name":"cached","isRepeatable":true,"locations":["FIELD_DEFINITION","OBJECT"],"args":[{"name":"ttl","defaultValue":"60"}]}""",
            data.GetProperty("__schema").GetProperty("directives")[0].GetRawText());
    }

    [Fact]
    public async Task Unknown_type_name_returns_null()
    {
        var data = await Run("""{ __type(name: "Nope") { name } }""");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("__type").ValueKind);
    }

    [Fact]
    public void Schema_printer_prints_sdl_like_graphql_js()
    {
        Assert.Equal(
            """"
            """Test schema"""
            schema {
              query: Query
              mutation: Mutation
            }

            directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT

            """The root"""
            type Query {
              """A node"""
              node(id: ID!): Node
              old: String @deprecated(reason: "Use node.")
              search(term: String = "x", limit: Int @deprecated): [Result!]!
              color(c: Color = RED): Color
            }

            type Mutation {
              noop(input: Pick): Boolean
            }

            interface Node {
              id: ID!
            }

            type Place implements Node {
              id: ID!
              url: Url
            }

            type Person implements Node {
              id: ID!
            }

            union Result = Place | Person

            enum Color {
              RED
              GREEN @deprecated(reason: "Too green.")
            }

            input Pick @oneOf {
              a: Int
              b: String @deprecated
            }

            scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
            """",
            SchemaPrinter.Print(Schema));
    }
}
