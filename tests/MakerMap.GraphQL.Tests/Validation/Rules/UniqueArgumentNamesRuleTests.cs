using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueArgumentNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueArgumentNamesRule(c);

    [Fact]
    public void Distinct_arguments_are_valid() =>
        ExpectValid(Rule, "{ tool(id: 1) @withArgs(required: 1, optional: \"a\") { isNear(lat: 1, lng: 2) @include(if: true) } }");

    [Fact]
    public void Same_argument_on_different_fields_is_valid() =>
        ExpectValid(Rule, "{ a: tool(id: 1) { id } b: tool(id: 1) { id } }");

    [Fact]
    public void Duplicate_field_arguments_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { isNear(lat: 1, lat: 2, lat: 3) } }",
            Error("There can be only one argument named \"lat\".", (1, 17), (1, 25), (1, 33)));

    [Fact]
    public void Duplicate_directive_arguments_are_reported() =>
        ExpectErrors(
            Rule,
            "{ room @skip(if: true, if: false) { id } }",
            Error("There can be only one argument named \"if\".", (1, 14), (1, 24)));
}
