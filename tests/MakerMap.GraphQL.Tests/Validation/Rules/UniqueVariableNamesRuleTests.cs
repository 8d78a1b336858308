using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueVariableNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueVariableNamesRule(c);

    [Fact]
    public void Distinct_variables_are_valid() =>
        ExpectValid(Rule, "query A($x: Int, $y: String) { room { id } } query B($x: Int) { room { id } }");

    [Fact]
    public void Duplicate_variables_are_reported_per_name() =>
        ExpectErrors(
            Rule,
            "query A($x: Int, $x: Int, $x: String, $y: Int, $y: Int) { room { id } }",
            Error("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)),
            Error("There can be only one variable named \"$y\".", (1, 40), (1, 49)));
}
