using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class ScalarLeafsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new ScalarLeafsRule(c);

    [Fact]
    public void Leaf_and_composite_selections_are_valid() =>
        ExpectValid(Rule, "{ tool { id kind parts { id } } bookable { __typename } }");

    [Fact]
    public void Object_without_selection_is_reported() =>
        ExpectErrors(
            Rule,
            "{ tool }",
            Error("Field \"tool\" of type \"Tool\" must have a selection of subfields. Did you mean \"tool { ... }\"?", (1, 3)));

    [Fact]
    public void Wrapped_object_without_selection_reports_full_type() =>
        ExpectErrors(
            Rule,
            "{ tool { parts } member { friends } }",
            Error("Field \"parts\" of type \"[Tool!]!\" must have a selection of subfields. Did you mean \"parts { ... }\"?", (1, 10)),
            Error("Field \"friends\" of type \"[Member]!\" must have a selection of subfields. Did you mean \"friends { ... }\"?", (1, 27)));

    [Fact]
    public void Scalar_and_enum_with_selection_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { powered { x } kind(a: 1) { y } } }",
            Error("Field \"powered\" must not have a selection since type \"Boolean\" has no subfields.", (1, 18)),
            Error("Field \"kind\" must not have a selection since type \"ToolKind\" has no subfields.", (1, 35)));
}
