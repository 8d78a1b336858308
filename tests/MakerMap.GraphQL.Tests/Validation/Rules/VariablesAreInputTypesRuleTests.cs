using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class VariablesAreInputTypesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new VariablesAreInputTypesRule(c);

    [Fact]
    public void Input_types_are_valid() =>
        ExpectValid(Rule, "query Q($a: String, $b: [Boolean!]!, $c: SlotInput, $d: ToolKind, $e: Unknown) { room { id } }");

    [Fact]
    public void Output_types_are_reported() =>
        ExpectErrors(
            Rule,
            "query Q($a: Tool, $b: [[Bookable!]]!, $c: Lendable) { room { id } }",
            Error("Variable \"$a\" cannot be non-input type \"Tool\".", (1, 13)),
            Error("Variable \"$b\" cannot be non-input type \"[[Bookable!]]!\".", (1, 23)),
            Error("Variable \"$c\" cannot be non-input type \"Lendable\".", (1, 43)));
}
