using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class PossibleFragmentSpreadsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new PossibleFragmentSpreadsRule(c);

    [Fact]
    public void Overlapping_types_are_valid() =>
        ExpectValid(
            Rule,
            "fragment A on Tool { ... on Tool { id } ... on Lendable { name } ... on Bookable { __typename } ...B } fragment B on Party { __typename }"
            + " fragment C on Bookable { ... on Lendable { name } ... on Place { id } } fragment D on Place { ... on Lendable { name } }");

    [Fact]
    public void Unknown_fragment_and_unknown_type_are_ignored() =>
        ExpectValid(Rule, "fragment A on Tool { ...Missing ... on Missing { id } }");

    [Fact]
    public void Disjoint_object_types_are_reported() =>
        ExpectErrors(
            Rule,
            "fragment A on Tool { ... on Room { id } ...M }\nfragment M on Member { id }",
            Error("Fragment cannot be spread here as objects of type \"Tool\" can never be of type \"Room\".", (1, 22)),
            Error("Fragment \"M\" cannot be spread here as objects of type \"Tool\" can never be of type \"Member\".", (1, 41)));

    [Fact]
    public void Disjoint_abstract_types_are_reported() =>
        ExpectErrors(
            Rule,
            "fragment A on Bookable { ... on Member { id } }\nfragment B on Place { ... on Party { __typename } }",
            Error("Fragment cannot be spread here as objects of type \"Bookable\" can never be of type \"Member\".", (1, 26)),
            Error("Fragment cannot be spread here as objects of type \"Place\" can never be of type \"Party\".", (2, 23)));
}
