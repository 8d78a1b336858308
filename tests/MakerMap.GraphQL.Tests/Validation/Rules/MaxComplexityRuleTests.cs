using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class MaxComplexityRuleTests
{
    [Fact]
    public void Cost_counts_every_selected_field()
    {
        // tool, id, owner, name = 4 fields.
        Assert.Empty(Validate("{ tool { id owner { name } } }", c => new MaxComplexityRule(c), new ValidationOptions { MaxCost = 4 }));
        var error = Assert.Single(Validate("query Q { tool { id owner { name } } }", c => new MaxComplexityRule(c), new ValidationOptions { MaxCost = 3 }));
        Assert.Equal("Operation \"Q\" has cost 4, which exceeds the maximum allowed cost of 3.", error.Message);
    }

    [Fact]
    public void Fragments_are_counted_at_every_spread()
    {
        var errors = Validate("{ a: tool { ...F } b: tool { ...F } } fragment F on Tool { id name }", c => new MaxComplexityRule(c), new ValidationOptions { MaxCost = 5 });
        Assert.Equal("Anonymous operation has cost 6, which exceeds the maximum allowed cost of 5.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Exponential_fragment_expansion_is_caught_without_expanding()
    {
        var fragments = string.Concat(Enumerable.Range(0, 60).Select(i => $"fragment F{i} on Tool {{ id ...F{i + 1} ...F{i + 1} }}\n"));
        var text = "{ tool { ...F0 } }\n" + fragments + "fragment F60 on Tool { id }";
        var errors = DocumentValidatorTestHelpers.ValidateLarge(text, c => new MaxComplexityRule(c));
        Assert.Equal("Anonymous operation has cost 2147483647, which exceeds the maximum allowed cost of 1000000.", Assert.Single(errors).Message);
    }
}

/// <summary>The cost model of issue 12: list sizes multiply what is selected below them.</summary>
[Trait("Issue", "12")]
public class MaxComplexityRuleListCostTests
{
    private static readonly Lazy<MakerMap.GraphQL.Types.Schema> CostSchema = new(() => new MakerMap.GraphQL.Types.SchemaBuilder("""
        type Query {
          hits(first: Int = 10): [Hit!]!
          page(first: Int, after: String): HitConnection!
          all: [Hit!]!
          one: Hit
        }
        type Hit { id: ID! name: String tags: [String!]! page(first: Int): HitConnection! }
        type HitConnection { totalCount: Int! nodes: [Hit!]! edges: [HitEdge!]! }
        type HitEdge { cursor: String! node: Hit! }
        """).UseDefaultFieldResolver().Build());

    private static IReadOnlyList<MakerMap.GraphQL.Errors.GraphQLError> Validate(string text, int maxCost) =>
        DocumentValidator.Validate(CostSchema.Value, MakerMap.GraphQL.Language.Parser.Parse(text),
            new ValidationOptions { Rules = [c => new MaxComplexityRule(c)], MaxCost = maxCost });

    private static long CostOf(string text)
    {
        var error = Assert.Single(Validate(text, 0));
        return Convert.ToInt64(error.Extensions!["cost"], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Cost_of_aliases_multiplies_by_their_first_argument()
    {
        var aliases = string.Concat(Enumerable.Range(0, 200).Select(i => $"a{i}: hits(first: 100) {{ id name }} "));

        var error = Assert.Single(Validate("query Amplify { " + aliases + "}", 10_000));

        // 200 × (hits + 100 × (id + name))
        Assert.Equal("Operation \"Amplify\" has cost 40200, which exceeds the maximum allowed cost of 10000.", error.Message);
        Assert.Equal("QUERY_TOO_COSTLY", error.Extensions!["code"]);
        Assert.Equal(40200L, error.Extensions["cost"]);
        Assert.Equal(10_000, error.Extensions["maxCost"]);
        Assert.Equal("MaxComplexityRule", error.RuleName);
    }

    [Fact]
    public void Cost_uses_the_argument_default_and_the_largest_page_for_a_variable()
    {
        Assert.Equal(1 + (10 * 1), CostOf("{ hits { id } }"));
        Assert.Equal(1 + (3 * 1), CostOf("{ hits(first: 3) { id } }"));
        Assert.Equal(1 + (100 * 1), CostOf("query($n: Int) { hits(first: $n) { id } }"));
    }

    [Fact]
    public void Cost_of_a_list_without_a_slicing_argument_assumes_ten_items()
    {
        Assert.Equal(1 + (10 * 2), CostOf("{ all { id name } }"));
        Assert.Equal(1 + 1, CostOf("{ one { tags } }"));
    }

    [Fact]
    public void Cost_of_a_connection_counts_its_page_once_per_item()
    {
        // page + totalCount + nodes + 20 × id
        Assert.Equal(1 + 1 + 1 + 20, CostOf("{ page(first: 20) { totalCount nodes { id } } }"));
        // edges and nodes both hold the page: page + (nodes + 20 × id) + (edges + 20 × (cursor + node + id))
        Assert.Equal(1 + (1 + (20 * 1)) + (1 + (20 * 3)), CostOf("{ page(first: 20) { nodes { id } edges { cursor node { id } } } }"));
    }

    [Fact]
    public void Cost_of_nested_connections_multiplies()
    {
        // page + nodes + 50 × (id + page + nodes + 50 × name)
        Assert.Equal(1 + 1 + (50 * (1 + 1 + 1 + 50)), CostOf("{ page(first: 50) { nodes { id page(first: 50) { nodes { name } } } } }"));
        // hits + 50 × (id + page + nodes + 50 × name)
        Assert.Equal(1 + (50 * (1 + 1 + 1 + 50)), CostOf("{ hits(first: 50) { id page(first: 50) { nodes { name } } } }"));
    }

    [Fact]
    public void Cost_of_fragments_and_introspection()
    {
        Assert.Equal(1 + (5 * 2), CostOf("{ hits(first: 5) { ...F } } fragment F on Hit { id name }"));
        Assert.True(CostOf("{ __schema { types { name fields { name args { name } } } } }") < 10);
    }
}
