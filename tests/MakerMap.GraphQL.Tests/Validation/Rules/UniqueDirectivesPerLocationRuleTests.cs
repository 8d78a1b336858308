using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueDirectivesPerLocationRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueDirectivesPerLocationRule(c);

    [Fact]
    public void Distinct_and_repeatable_directives_are_valid() =>
        ExpectValid(Rule, "{ room @onField @include(if: true) { id @onField } tool @repeatable @repeatable { id } ...F @repeatable @repeatable } fragment F on Query { room { id } }");

    [Fact]
    public void Unknown_directives_are_not_checked() =>
        ExpectValid(Rule, "{ room @unknown @unknown { id } }");

    [Fact]
    public void Duplicate_non_repeatable_directives_are_reported() =>
        ExpectErrors(
            Rule,
            "{ room @onField @onField @onField { id } tool @skip(if: true) @skip(if: false) { id } }",
            Error("The directive \"@onField\" can only be used once at this location.", (1, 8), (1, 17)),
            Error("The directive \"@onField\" can only be used once at this location.", (1, 8), (1, 26)),
            Error("The directive \"@skip\" can only be used once at this location.", (1, 47), (1, 63)));

    [Fact]
    public void Duplicates_across_a_type_and_its_extension_are_reported() =>
        ExpectErrors(
            Rule,
            "type T @onField { f: Int }\nextend type T @onField",
            Error("The directive \"@onField\" can only be used once at this location.", (1, 8), (2, 15)));
}
