using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueInputFieldNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueInputFieldNamesRule(c);

    [Fact]
    public void Distinct_fields_and_same_names_in_nested_objects_are_valid() =>
        ExpectValid(Rule, "{ slots(input: {start: \"a\", end: \"b\", next: {start: \"c\", next: {start: \"d\"}}}) }");

    [Fact]
    public void Duplicate_input_fields_are_reported() =>
        ExpectErrors(
            Rule,
            "{ slots(input: {start: \"a\", start: \"b\", start: \"c\"}) }",
            Error("There can be only one input field named \"start\".", (1, 17), (1, 29)),
            Error("There can be only one input field named \"start\".", (1, 17), (1, 41)));

    [Fact]
    public void Duplicates_in_nested_objects_are_reported() =>
        ExpectErrors(
            Rule,
            "{ slots(input: {start: \"a\", next: {end: \"b\", end: \"c\"}}) }",
            Error("There can be only one input field named \"end\".", (1, 36), (1, 46)));
}
