using System.Runtime.CompilerServices;
using System.Text.Json;
using MakerMap.GraphQL;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>The schema served at /graphql is the contract file: same introspection, field by field.</summary>
[Trait("Category", "Db")]
public sealed class ServedSchemaTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Introspection = """
        query {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types {
              kind name description specifiedByURL
              fields(includeDeprecated: true) { name description args { name description type { ...T } defaultValue } type { ...T } isDeprecated }
              inputFields { name description type { ...T } defaultValue }
              interfaces { name } possibleTypes { name }
              enumValues(includeDeprecated: true) { name description isDeprecated }
            }
            directives { name description locations args { name type { ...T } defaultValue } }
          }
        }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    [Fact]
    public async Task Served_introspection_equals_the_contract_files()
    {
        var sdl = File.ReadAllText(ContractPath());
        var fileSchema = new SchemaBuilder(sdl)
            .UseDefaultFieldResolver()
            .BindSubscription<object>("slotAvailabilityChanged", (_, _) => None())
            .BindSubscription<object>("bookingUpdated", (_, _) => None())
            .BindSubscription<object>("requestsToDecideChanged", (_, _) => None())
            .Build();
        var expected = await new GraphQLEngine(fileSchema).ExecuteAsync(new GraphQLRequest(Introspection));

        var served = await new GraphQLTestClient(factory).PostAsync(Introspection);

        Assert.Empty(expected.Errors);
        Assert.False(served.HasErrors);
        var expectedJson = JsonSerializer.Serialize(ToJson(expected.Data));
        Assert.Equal(expectedJson, JsonSerializer.Serialize(served.Data));
    }

    private static async IAsyncEnumerable<object> None()
    {
        await Task.CompletedTask;
        yield break;
    }

    private static JsonElement ToJson(IReadOnlyDictionary<string, object?>? data)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            MakerMap.GraphQL.Execution.ResultJsonWriter.WriteValue(writer, data);
        }
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    // tests/MakerMap.Api.Tests/GraphQL/ServedSchemaTests.cs → schema/makermap.graphql
    private static string ContractPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "schema", "makermap.graphql"));
}
