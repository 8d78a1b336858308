using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class SingleFieldSubscriptionsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new SingleFieldSubscriptionsRule(c);

    [Fact]
    public void One_root_field_is_valid() =>
        ExpectValid(Rule, "subscription S { toolChanged { id } }");

    [Fact]
    public void One_root_field_through_fragments_is_valid() =>
        ExpectValid(Rule, "subscription S { ...F ... on Subscription { toolChanged { name } } } fragment F on Subscription { toolChanged { id } }");

    [Fact]
    public void Skipped_extra_field_is_valid() =>
        ExpectValid(Rule, "subscription S { toolChanged { id } roomChanged @skip(if: true) { id } }");

    [Fact]
    public void Two_root_fields_report_the_extra_ones() =>
        ExpectErrors(
            Rule,
            "subscription S { toolChanged { id } roomChanged { id } }",
            Error("Subscription \"S\" must select only one top level field.", (1, 37)));

    [Fact]
    public void Extra_fields_from_fragments_are_reported() =>
        ExpectErrors(
            Rule,
            "subscription { ...F }\nfragment F on Subscription { toolChanged { id } roomChanged { id } __typename }",
            Error("Anonymous Subscription must select only one top level field.", (2, 49), (2, 68)),
            Error("Anonymous Subscription must not select an introspection top level field.", (2, 68)));

    [Fact]
    public void Introspection_root_field_is_reported() =>
        ExpectErrors(
            Rule,
            "subscription S { __typename }",
            Error("Subscription \"S\" must not select an introspection top level field.", (1, 18)));
}
