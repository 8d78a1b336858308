using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class NoUnusedVariablesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new NoUnusedVariablesRule(c);

    [Fact]
    public void Variables_used_directly_or_through_fragments_are_valid() =>
        ExpectValid(Rule, "query Q($a: ID, $b: Float, $c: [ID!]) { tool(id: $a) { ...F } tools(ids: $c) { id } } fragment F on Tool { ...G } fragment G on Tool { isNear(lat: $b) }");

    [Fact]
    public void Unused_variables_are_reported() =>
        ExpectErrors(
            Rule,
            "query Q($a: ID, $b: Float) { tool(id: $a) { id } }\nquery($c: Int) { room { id } }",
            Error("Variable \"$b\" is never used in operation \"Q\".", (1, 17)),
            Error("Variable \"$c\" is never used.", (2, 7)));

    [Fact]
    public void Use_in_a_default_value_does_not_count() =>
        ExpectErrors(
            Rule,
            "query Q($a: Int, $b: Int = 1) { echo(i: $b, nn: 1, strictList: []) }",
            Error("Variable \"$a\" is never used in operation \"Q\".", (1, 9)));
}
