using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class KnownArgumentNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new KnownArgumentNamesRule(c);

    [Fact]
    public void Known_field_and_directive_arguments_are_valid() =>
        ExpectValid(Rule, "{ tool(id: 1) { isNear(lng: 1, lat: 2) name @include(if: true) } }");

    [Fact]
    public void Arguments_of_unknown_fields_and_directives_are_ignored() =>
        ExpectValid(Rule, "{ tool { unknown(a: 1) name @unknown(b: 2) } }");

    [Fact]
    public void Unknown_field_argument_is_reported_with_suggestion() =>
        ExpectErrors(
            Rule,
            "{ tool { isNear(lat: 1, lgn: 2) hasKind(knd: DRILL) } }",
            Error("Unknown argument \"lgn\" on field \"Tool.isNear\". Did you mean \"lng\" or \"lat\"?", (1, 25)),
            Error("Unknown argument \"knd\" on field \"Tool.hasKind\". Did you mean \"kind\"?", (1, 41)));

    [Fact]
    public void Unknown_directive_argument_is_reported() =>
        ExpectErrors(
            Rule,
            "{ room @skip(iff: true) { id } }",
            Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 14)));

    [Fact]
    public void Directive_arguments_are_not_checked_against_the_field() =>
        ExpectErrors(
            Rule,
            "{ tool(id: 1) @withArgs(required: 1, id: 2) { id } }",
            Error("Unknown argument \"id\" on directive \"@withArgs\".", (1, 38)));

    [Fact]
    public void Unknown_argument_on_field_without_arguments_has_no_suggestion() =>
        ExpectErrors(
            Rule,
            "{ room(id: 1) { id } }",
            Error("Unknown argument \"id\" on field \"Query.room\".", (1, 8)));
}
