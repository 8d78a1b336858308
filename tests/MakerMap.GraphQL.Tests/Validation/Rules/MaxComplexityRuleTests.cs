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
        Assert.Equal("Anonymous operation has cost 2147483647, which exceeds the maximum allowed cost of 5000.", Assert.Single(errors).Message);
    }
}
