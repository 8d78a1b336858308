using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class KnownDirectivesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new KnownDirectivesRule(c);

    [Fact]
    public void Directives_at_their_locations_are_valid() =>
        ExpectValid(
            Rule,
            "query Q($v: Int @onVariableDefinition) @onQuery { room @onField @include(if: true) { id } ...F @onFragmentSpread ... @onInlineFragment { room { id } } }"
            + " fragment F on Query @onFragmentDefinition { room { id } } mutation @onMutation { cancel(id: 1) } subscription @onSubscription { toolChanged { id } }");

    [Fact]
    public void Unknown_directives_are_reported() =>
        ExpectErrors(
            Rule,
            "{ room @unknown { id @other } }",
            Error("Unknown directive \"@unknown\".", (1, 8)),
            Error("Unknown directive \"@other\".", (1, 22)));

    [Fact]
    public void Directives_in_wrong_locations_are_reported() =>
        ExpectErrors(
            Rule,
            "query Q($v: Int @onField) @onField { room @onQuery { id } ...F @onInlineFragment }\nfragment F on Query @include(if: true) { room { id } }\nmutation @onQuery { cancel(id: 1) }",
            Error("Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", (1, 17)),
            Error("Directive \"@onField\" may not be used on QUERY.", (1, 27)),
            Error("Directive \"@onQuery\" may not be used on FIELD.", (1, 43)),
            Error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD.", (1, 64)),
            Error("Directive \"@include\" may not be used on FRAGMENT_DEFINITION.", (2, 21)),
            Error("Directive \"@onQuery\" may not be used on MUTATION.", (3, 10)));

    [Fact]
    public void Directives_in_sdl_are_checked_against_sdl_locations() =>
        ExpectErrors(
            Rule,
            "type T @onField { f(a: Int @deprecated, b: Int @onField): Int @deprecated }\ninput I { x: Int @deprecated y: Int @onQuery }",
            Error("Directive \"@onField\" may not be used on OBJECT.", (1, 8)),
            Error("Directive \"@onField\" may not be used on ARGUMENT_DEFINITION.", (1, 48)),
            Error("Directive \"@onQuery\" may not be used on INPUT_FIELD_DEFINITION.", (2, 37)));
}
