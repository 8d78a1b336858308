using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class NoUndefinedVariablesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new NoUndefinedVariablesRule(c);

    [Fact]
    public void Variables_defined_for_every_use_are_valid() =>
        ExpectValid(Rule, "query Q($a: ID, $b: Boolean!) { tool(id: $a) { ...F name @include(if: $b) } } fragment F on Tool { hasKind(kind: $a) }");

    [Fact]
    public void Undefined_variable_in_operation_is_reported() =>
        ExpectErrors(
            Rule,
            "query Q($a: ID) { tool(id: $b) { isNear(lat: $c, lng: $a) } }",
            Error("Variable \"$b\" is not defined by operation \"Q\".", (1, 28), (1, 1)),
            Error("Variable \"$c\" is not defined by operation \"Q\".", (1, 46), (1, 1)));

    [Fact]
    public void Undefined_variable_in_fragment_is_reported_per_operation() =>
        ExpectErrors(
            Rule,
            "query A { tool { ...F } }\nquery B($x: Float) { tool { ...F } }\n{ tool { ...F } }\nfragment F on Tool { isNear(lat: $x) }",
            Error("Variable \"$x\" is not defined by operation \"A\".", (4, 34), (1, 1)),
            Error("Variable \"$x\" is not defined.", (4, 34), (3, 1)));

    [Fact]
    public void Variable_in_directive_argument_is_a_use() =>
        ExpectErrors(
            Rule,
            "{ room @skip(if: $hide) { id } }",
            Error("Variable \"$hide\" is not defined.", (1, 18), (1, 1)));
}
