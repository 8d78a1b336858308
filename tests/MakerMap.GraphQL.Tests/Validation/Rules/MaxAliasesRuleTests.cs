using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class MaxAliasesRuleTests
{
    private static string Aliases(int count) => "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: room {{ id }} ")) + "}";

    [Fact]
    public void Aliases_within_limit_are_valid()
    {
        Assert.Empty(Validate(Aliases(3), c => new MaxAliasesRule(c), new ValidationOptions { MaxAliases = 3 }));
    }

    [Fact]
    public void Too_many_aliases_are_reported_once()
    {
        var error = Assert.Single(Validate(Aliases(4), c => new MaxAliasesRule(c), new ValidationOptions { MaxAliases = 3 }));
        Assert.Equal("Document uses 4 aliases, which exceeds the maximum allowed number of 3.", error.Message);
        Assert.Equal("MaxAliasesRule", error.RuleName);
    }

    [Fact]
    public void Default_limit_is_200()
    {
        Assert.Empty(Validate(Aliases(200), c => new MaxAliasesRule(c)));
        Assert.Single(Validate(Aliases(201), c => new MaxAliasesRule(c)));
    }
}
