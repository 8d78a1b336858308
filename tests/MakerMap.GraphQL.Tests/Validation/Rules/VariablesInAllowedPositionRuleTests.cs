using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class VariablesInAllowedPositionRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new VariablesInAllowedPositionRule(c);

    [Theory]
    [InlineData("$v: Int", "i: $v")]
    [InlineData("$v: Int!", "i: $v")]
    [InlineData("$v: Int!", "nn: $v")]
    [InlineData("$v: Int = 1", "nn: $v")]
    [InlineData("$v: Int", "withDefault: $v")]
    [InlineData("$v: [Int!]", "list: $v")]
    [InlineData("$v: Int!", "list: [$v]")]
    [InlineData("$v: [Int!]!", "strictList: $v")]
    [InlineData("$v: String", "s: $v")]
    [InlineData("$v: ID", "id: $v")]
    public void Compatible_variable_positions_are_valid(string definition, string argument)
    {
        var nn = argument.StartsWith("nn:", StringComparison.Ordinal) ? string.Empty : ", nn: 1";
        var strict = argument.StartsWith("strictList:", StringComparison.Ordinal) ? string.Empty : ", strictList: [1]";
        ExpectValid(Rule, $"query Q({definition}) {{ echo({argument}{nn}{strict}) }}");
    }

    [Fact]
    public void Nullable_variable_in_non_null_position_is_reported() =>
        ExpectErrors(
            Rule,
            "query Q($v: Int) { echo(nn: $v, strictList: [$v]) }",
            Error("Variable \"$v\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (1, 29)),
            Error("Variable \"$v\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (1, 46)));

    [Fact]
    public void Wrong_named_type_and_list_shape_are_reported() =>
        ExpectErrors(
            Rule,
            "query Q($s: String, $l: [Int], $i: Int!) { echo(i: $s, list: [$l], strictList: $i, nn: 1) }",
            Error("Variable \"$s\" of type \"String\" used in position expecting type \"Int\".", (1, 9), (1, 52)),
            Error("Variable \"$l\" of type \"[Int]\" used in position expecting type \"Int\".", (1, 21), (1, 63)),
            Error("Variable \"$i\" of type \"Int!\" used in position expecting type \"[Int!]!\".", (1, 32), (1, 80)));

    [Fact]
    public void Usage_through_fragment_is_checked_against_each_operation() =>
        ExpectErrors(
            Rule,
            "query A($b: Boolean) { room { ...F } }\nquery B($b: Boolean!) { room { ...F } }\nfragment F on Room { id @include(if: $b) }",
            Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (3, 38)));

    [Fact]
    public void Nullable_variable_in_oneOf_field_is_reported() =>
        ExpectErrors(
            Rule,
            "query Q($id: ID) { slots(target: {toolId: $id}) }",
            Error("Variable \"$id\" is of type \"ID\" but must be non-nullable to be used for OneOf Input Object \"Target\".", (1, 9), (1, 43)));
}
