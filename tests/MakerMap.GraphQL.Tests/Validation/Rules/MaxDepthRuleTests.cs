using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class MaxDepthRuleTests
{
    private static string Nested(int depth) =>
        "{ " + string.Concat(Enumerable.Repeat("tool { accessories { ", depth / 2)) + "id" + new string('}', (depth / 2) * 2).Replace("}", " }", StringComparison.Ordinal) + " }";

    [Fact]
    public void Operation_within_depth_is_valid()
    {
        var errors = Validate("{ tool { owner { tools { id } } } }", c => new MaxDepthRule(c), new ValidationOptions { MaxDepth = 4 });
        Assert.Empty(errors);
    }

    [Fact]
    public void Operation_deeper_than_allowed_is_reported()
    {
        var errors = Validate("query Deep { tool { owner { tools { id } } } }", c => new MaxDepthRule(c), new ValidationOptions { MaxDepth = 3 });
        var error = Assert.Single(errors);
        Assert.Equal("Operation \"Deep\" has depth 4, which exceeds the maximum allowed depth of 3.", error.Message);
        Assert.Equal("MaxDepthRule", error.RuleName);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
    }

    [Fact]
    public void Depth_counts_through_fragments()
    {
        var errors = Validate("{ tool { ...A } } fragment A on Tool { owner { ...B } } fragment B on Member { tools { id } }", c => new MaxDepthRule(c), new ValidationOptions { MaxDepth = 3 });
        Assert.Equal("Anonymous operation has depth 4, which exceeds the maximum allowed depth of 3.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Default_limit_rejects_very_deep_queries()
    {
        var errors = Validate(Nested(40), c => new MaxDepthRule(c));
        Assert.Equal("Anonymous operation has depth 41, which exceeds the maximum allowed depth of 32.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Null_limit_disables_the_check()
    {
        Assert.Empty(Validate(Nested(40), c => new MaxDepthRule(c), new ValidationOptions { MaxDepth = null }));
    }
}
