using System.Runtime.CompilerServices;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Tests.Schema;

/// <summary>
/// The checked-in contract (<c>schema/makermap.graphql</c>) parses with our engine and keeps the
/// names that issue 4 fixes; a rename here is a breaking change for every client.
/// </summary>
public sealed class ContractSchemaTests
{
    private static readonly Lazy<string> Sdl = new(() => File.ReadAllText(ContractPath()));

    private static DocumentNode Parse() => Parser.Parse(new Source(Sdl.Value), new ParserOptions { MaxTokens = null });

    [Fact]
    public void Contract_parses_with_the_engine_parser()
    {
        var document = Parse();

        Assert.NotEmpty(document.Definitions);
    }

    [Fact]
    public void Contract_builds_into_a_schema()
    {
        // resolvers are the Api's business; here only the type system has to be valid
        var schema = new SchemaBuilder(Sdl.Value)
            .UseDefaultFieldResolver()
            .BindSubscription("slotAvailabilityChanged", (_, _) => NoEvents())
            .BindSubscription("bookingUpdated", (_, _) => NoEvents())
            .BindSubscription("requestsToDecideChanged", (_, _) => NoEvents())
            .Build();

        Assert.NotNull(schema);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void UserErrorCodes_constants_are_exactly_the_contracts_UserErrorCode_values()
    {
        var schema = new SchemaBuilder(Sdl.Value)
            .UseDefaultFieldResolver()
            .BindSubscription("slotAvailabilityChanged", (_, _) => NoEvents())
            .BindSubscription("bookingUpdated", (_, _) => NoEvents())
            .BindSubscription("requestsToDecideChanged", (_, _) => NoEvents())
            .Build();
        var contract = ((EnumType)schema.GetType("UserErrorCode")!).Values.Select(v => v.Name).Order(StringComparer.Ordinal);

        var constants = typeof(MakerMap.Api.Schema.UserErrorCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);

        Assert.Equal(contract, constants);
    }

    [Theory]
    [InlineData("Query", "nearestPlaces")]
    [InlineData("Query", "places")]
    [InlineData("Query", "place")]
    [InlineData("Query", "node")]
    [InlineData("Query", "availability")]
    [InlineData("Query", "coverage")]
    [InlineData("Query", "viewer")]
    [InlineData("Mutation", "requestBooking")]
    [InlineData("Mutation", "cancelBooking")]
    [InlineData("Mutation", "decideBooking")]
    [InlineData("Mutation", "signUp")]
    [InlineData("Mutation", "signIn")]
    [InlineData("Mutation", "signOut")]
    [InlineData("Mutation", "createOrganisation")]
    [InlineData("Mutation", "addMember")]
    [InlineData("Subscription", "slotAvailabilityChanged")]
    [InlineData("Subscription", "bookingUpdated")]
    [InlineData("PlaceHit", "distanceMeters")]
    [InlineData("Place", "isOpenAt")]
    [InlineData("Place", "openStateAt")]
    [InlineData("Query", "openingHoursPreview")]
    [InlineData("Place", "upcomingSessions")]
    [InlineData("Slot", "remaining")]
    [InlineData("UserError", "field")]
    [InlineData("CoverageReport", "suggestedSites")]
    public void Contract_keeps_the_fixed_field(string typeName, string fieldName)
    {
        var type = Parse().Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == typeName);

        Assert.Contains(type.Fields, f => f.Name.Value == fieldName);
    }

    [Fact]
    public void NearestPlaces_has_the_fixed_signature()
    {
        var query = Parse().Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == "Query");
        var field = query.Fields.Single(f => f.Name.Value == "nearestPlaces");

        Assert.Equal(
            "nearestPlaces(near: GeoPointInput!, first: Int = 10, kinds: [PlaceKind!], categories: [RepairCategory!], wheelchair: [WheelchairAccess!], "
            + "openAt: DateTime, maxDistanceMeters: Float): [PlaceHit!]!",
            Signature(field));
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in Parse().Definitions.OfType<TypeDefinitionNode>())
        {
            if (type.Description is null)
            {
                missing.Add(type.Name.Value);
            }
            var fields = type switch
            {
                ObjectTypeDefinitionNode o => o.Fields.Select(f => (f.Name.Value, f.Description)),
                InterfaceTypeDefinitionNode i => i.Fields.Select(f => (f.Name.Value, f.Description)),
                InputObjectTypeDefinitionNode i => i.Fields.Select(f => (f.Name.Value, f.Description)),
                EnumTypeDefinitionNode e => e.Values.Select(v => (v.Name.Value, v.Description)),
                _ => [],
            };
            missing.AddRange(fields.Where(f => f.Description is null).Select(f => type.Name.Value + "." + f.Value));
        }

        Assert.Empty(missing);
    }

    private static async IAsyncEnumerable<object> NoEvents()
    {
        await Task.CompletedTask;
        yield break;
    }

    // Descriptions left out: the printed signature is what clients depend on.
    private static string Signature(FieldDefinitionNode field)
    {
        var args = string.Join(", ", field.Arguments.Select(a =>
            a.Name.Value + ": " + Printer.Print(a.Type) + (a.DefaultValue is null ? "" : " = " + Printer.Print(a.DefaultValue))));
        return field.Name.Value + "(" + args + "): " + Printer.Print(field.Type);
    }

    // Test binaries may live outside the repository (--artifacts-path), so look above this source
    // file as well as above the binaries.
    private static string ContractPath([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "schema", "makermap.graphql");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException("schema/makermap.graphql was not found above " + AppContext.BaseDirectory + " or " + sourceFile);
    }
}
