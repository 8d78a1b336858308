using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class MaxIntrospectionDepthRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new MaxIntrospectionDepthRule(c);

    [Fact]
    public void Usual_introspection_is_valid() =>
        ExpectValid(Rule, "{ __schema { types { fields { type { name } } interfaces { name } possibleTypes { name } inputFields { name } } } }");

    [Fact]
    public void Three_nested_introspection_lists_are_reported() =>
        ExpectErrors(
            Rule,
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            Error("Maximum introspection depth exceeded", (1, 3)));

    [Fact]
    public void Depth_through_fragments_is_counted() =>
        ExpectErrors(
            Rule,
            "{ __type(name: \"Tool\") { ...A } }\nfragment A on __Type { fields { type { ...B } } }\nfragment B on __Type { interfaces { possibleTypes { name } } }",
            Error("Maximum introspection depth exceeded", (1, 3)));
}
