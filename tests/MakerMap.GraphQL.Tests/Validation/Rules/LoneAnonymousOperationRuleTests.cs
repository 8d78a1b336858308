using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class LoneAnonymousOperationRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new LoneAnonymousOperationRule(c);

    [Fact]
    public void Single_anonymous_operation_with_fragments_is_valid() =>
        ExpectValid(Rule, "{ ...F } fragment F on Query { room { id } }");

    [Fact]
    public void Multiple_named_operations_are_valid() =>
        ExpectValid(Rule, "query A { room { id } } query B { room { id } }");

    [Fact]
    public void Anonymous_operation_beside_another_is_reported() =>
        ExpectErrors(
            Rule,
            "{ room { id } }\nquery Named { room { id } }\n{ member { id } }",
            Error("This anonymous operation must be the only defined operation.", (1, 1)),
            Error("This anonymous operation must be the only defined operation.", (3, 1)));

    [Fact]
    public void Anonymous_mutation_beside_query_is_reported() =>
        ExpectErrors(
            Rule,
            "{ room { id } }\nmutation { cancel(id: 1) }",
            Error("This anonymous operation must be the only defined operation.", (1, 1)),
            Error("This anonymous operation must be the only defined operation.", (2, 1)));
}
