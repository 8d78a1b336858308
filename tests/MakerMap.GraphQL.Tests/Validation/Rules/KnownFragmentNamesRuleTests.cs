using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class KnownFragmentNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new KnownFragmentNamesRule(c);

    [Fact]
    public void Defined_fragments_are_valid() =>
        ExpectValid(Rule, "{ tool { ...A ... on Tool { ...B } } } fragment A on Tool { id } fragment B on Tool { ...A }");

    [Fact]
    public void Unknown_fragments_are_reported_at_the_name() =>
        ExpectErrors(
            Rule,
            "{ tool { ...Missing ... on Tool { ...AlsoMissing } } }",
            Error("Unknown fragment \"Missing\".", (1, 13)),
            Error("Unknown fragment \"AlsoMissing\".", (1, 38)));
}
