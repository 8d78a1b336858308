using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class ValuesOfCorrectTypeRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new ValuesOfCorrectTypeRule(c);

    [Theory]
    [InlineData("s: \"text\"")]
    [InlineData("s: \"\"\"block\"\"\"")]
    [InlineData("i: -2147483648")]
    [InlineData("f: 1")]
    [InlineData("f: 1.5e3")]
    [InlineData("b: false")]
    [InlineData("id: 42")]
    [InlineData("id: \"abc\"")]
    [InlineData("kind: LASER")]
    [InlineData("list: [1, 2, null]")]
    [InlineData("list: 1")]
    [InlineData("s: null")]
    [InlineData("s: $v")]
    public void Valid_literals_are_valid(string argument) =>
        ExpectValid(Rule, $"query Q($v: String) {{ echo({argument}, nn: 1, strictList: [1]) }}");

    [Fact]
    public void Valid_input_objects_are_valid() =>
        ExpectValid(Rule, "{ slots(input: {start: \"a\", minutes: 5, tags: [\"x\"], next: {start: \"b\"}}, target: {toolId: 1}) requiresSlot(input: {start: \"z\"}) }");

    [Theory]
    [InlineData("i: \"1\"", "Int cannot represent non-integer value: \"1\"", 23)]
    [InlineData("i: 1.5", "Int cannot represent non-integer value: 1.5", 23)]
    [InlineData("i: 2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648", 23)]
    [InlineData("s: 1", "String cannot represent a non string value: 1", 23)]
    [InlineData("s: RED", "String cannot represent a non string value: RED", 23)]
    [InlineData("b: 1", "Boolean cannot represent a non boolean value: 1", 23)]
    [InlineData("f: \"1.5\"", "Float cannot represent non numeric value: \"1.5\"", 23)]
    [InlineData("id: 1.5", "ID cannot represent a non-string and non-integer value: 1.5", 24)]
    [InlineData("kind: \"DRILL\"", "Enum \"ToolKind\" cannot represent non-enum value: \"DRILL\". Did you mean the enum value \"DRILL\"?", 26)]
    [InlineData("kind: drill", "Value \"drill\" does not exist in \"ToolKind\" enum. Did you mean the enum value \"DRILL\"?", 26)]
    [InlineData("kind: HAMMER", "Value \"HAMMER\" does not exist in \"ToolKind\" enum. Did you mean the enum value \"LASER\"?", 26)]
    public void Invalid_scalar_and_enum_literals_report_the_scalar_message(string argument, string message, int column) =>
        ExpectErrors(
            Rule,
            $"{{ room {{ id }} echo({argument}, nn: 1, strictList: [1]) }}",
            Error(message, (1, column)));

    [Fact]
    public void Null_for_non_null_is_reported() =>
        ExpectErrors(
            Rule,
            "{ echo(nn: null, strictList: [1, null]) }",
            Error("Expected value of type \"Int!\", found null.", (1, 12)),
            Error("Expected value of type \"Int!\", found null.", (1, 34)));

    [Fact]
    public void Object_for_scalar_and_scalar_for_object_are_reported() =>
        ExpectErrors(
            Rule,
            "{ echo(nn: 1, strictList: [1], list: [{a: 1}]) slots(input: \"x\") }",
            Error("Int cannot represent non-integer value: {a: 1}", (1, 39)),
            Error("Expected value of type \"SlotInput\", found \"x\".", (1, 61)));

    [Fact]
    public void Input_object_missing_required_field_and_unknown_field_are_reported() =>
        ExpectErrors(
            Rule,
            "{ slots(input: {end: \"b\", strat: \"a\"}) }",
            Error("Field \"SlotInput.start\" of required type \"String!\" was not provided.", (1, 16)),
            Error("Field \"strat\" is not defined by type \"SlotInput\". Did you mean \"start\"?", (1, 27)));

    [Fact]
    public void OneOf_input_object_with_several_or_no_keys_is_reported() =>
        ExpectErrors(
            Rule,
            "{ a: slots(target: {toolId: 1, roomId: 2}) b: slots(target: {}) }",
            Error("OneOf Input Object \"Target\" must specify exactly one key.", (1, 20)),
            Error("OneOf Input Object \"Target\" must specify exactly one key.", (1, 61)));

    [Fact]
    public void OneOf_input_object_with_null_value_is_reported() =>
        ExpectErrors(
            Rule,
            "{ slots(target: {toolId: null}) }",
            Error("Field \"Target.toolId\" must be non-null.", (1, 17)));

    [Fact]
    public void Values_in_variable_defaults_are_checked() =>
        ExpectErrors(
            Rule,
            "query Q($a: Int = \"one\", $b: SlotInput = {end: \"x\"}, $c: [ToolKind] = [DRILL, WRENCH]) { room { id } }",
            Error("Int cannot represent non-integer value: \"one\"", (1, 19)),
            Error("Field \"SlotInput.start\" of required type \"String!\" was not provided.", (1, 42)),
            Error("Value \"WRENCH\" does not exist in \"ToolKind\" enum.", (1, 79)));

    [Fact]
    public void Values_in_directive_arguments_are_checked() =>
        ExpectErrors(
            Rule,
            "{ room @include(if: \"yes\") { id } }",
            Error("Boolean cannot represent a non boolean value: \"yes\"", (1, 21)));
}
