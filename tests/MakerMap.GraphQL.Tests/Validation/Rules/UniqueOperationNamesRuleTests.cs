using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueOperationNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueOperationNamesRule(c);

    [Fact]
    public void Distinct_names_and_anonymous_operations_are_valid() =>
        ExpectValid(Rule, "query A { room { id } } mutation B { cancel(id: 1) } subscription C { toolChanged { id } } { room { id } }");

    [Fact]
    public void Fragment_with_operation_name_is_valid() =>
        ExpectValid(Rule, "query Foo { ...Foo } fragment Foo on Query { room { id } }");

    [Fact]
    public void Same_name_twice_is_reported_at_both_names() =>
        ExpectErrors(
            Rule,
            "query Foo { room { id } }\nmutation Foo { cancel(id: 1) }",
            Error("There can be only one operation named \"Foo\".", (1, 7), (2, 10)));

    [Fact]
    public void Third_duplicate_points_back_at_the_first() =>
        ExpectErrors(
            Rule,
            "query Foo { a: room { id } }\nquery Foo { b: room { id } }\nsubscription Foo { toolChanged { id } }",
            Error("There can be only one operation named \"Foo\".", (1, 7), (2, 7)),
            Error("There can be only one operation named \"Foo\".", (1, 7), (3, 14)));
}
