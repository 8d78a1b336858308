using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class ExecutableDefinitionsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new ExecutableDefinitionsRule(c);

    [Fact]
    public void Operations_and_fragments_are_valid() =>
        ExpectValid(Rule, "query Q { tool { ...F } } fragment F on Tool { id }");

    [Fact]
    public void Type_definitions_are_not_executable() =>
        ExpectErrors(
            Rule,
            "query Q { tool { id } }\ntype Cow { name: String }\nextend type Tool { color: String }",
            Error("The \"Cow\" definition is not executable.", (2, 1)),
            Error("The \"Tool\" definition is not executable.", (3, 1)));

    [Fact]
    public void Schema_definitions_are_not_executable() =>
        ExpectErrors(
            Rule,
            "schema { query: Query }\nextend schema @onQuery\ndirective @d on FIELD",
            Error("The schema definition is not executable.", (1, 1)),
            Error("The schema definition is not executable.", (2, 1)),
            Error("The \"d\" definition is not executable.", (3, 1)));
}
