using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Tests.Fixtures;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL.Tests.Validation;

/// <summary>Runs one rule (or all rules) against the validation test schema and checks the exact errors.</summary>
internal static class ValidationHarness
{
    private static readonly Lazy<Schema> LazySchema = new(() =>
        new SchemaBuilder(FixtureFile.Read("validation-schema.graphql"))
            .UseDefaultFieldResolver()
            .ResolveType("Node", (_, _) => null)
            .ResolveType("Named", (_, _) => null)
            .ResolveType("Place", (_, _) => null)
            .ResolveType("Lendable", (_, _) => null)
            .ResolveType("Bookable", (_, _) => null)
            .ResolveType("Party", (_, _) => null)
            .BindSubscription("toolChanged", (_, _) => AsyncEnumerable.Empty<object>())
            .BindSubscription("roomChanged", (_, _) => AsyncEnumerable.Empty<object>())
            .Build());

    public static Schema Schema => LazySchema.Value;

    public static IReadOnlyList<GraphQLError> Validate(string document, ValidationRuleFactory? rule = null, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        if (rule is not null)
        {
            options = options with { Rules = [rule] };
        }

        return DocumentValidator.Validate(Schema, Parser.Parse(document), options);
    }

    public static void ExpectValid(ValidationRuleFactory rule, string document)
    {
        var errors = Validate(document, rule);
        Assert.True(errors.Count == 0, "Expected no errors, got: " + string.Join("; ", errors));
    }

    /// <summary>Each expected error is (message, line:column pairs).</summary>
    public static void ExpectErrors(ValidationRuleFactory rule, string document, params (string Message, (int Line, int Column)[] Locations)[] expected)
    {
        var errors = Validate(document, rule);
        var actual = errors.Select(e => (e.Message, string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}")))).ToList();
        var wanted = expected.Select(e => (e.Message, string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}")))).ToList();
        for (var i = 0; i < Math.Min(wanted.Count, actual.Count); i++)
        {
            Assert.Equal(wanted[i].Message, actual[i].Message);
            Assert.Equal(wanted[i].Item2, actual[i].Item2);
        }

        Assert.Equal(wanted, actual);
        Assert.All(errors, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.Code));
    }

    public static (string, (int, int)[]) Error(string message, params (int, int)[] locations) => (message, locations);
}
