using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class FieldsOnCorrectTypeRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new FieldsOnCorrectTypeRule(c);

    [Fact]
    public void Defined_fields_aliases_and_typename_are_valid() =>
        ExpectValid(Rule, "{ t: tool { id name __typename } lendable { name ... on Tool { kind } } bookable { __typename ... on Room { color } } __schema { queryType { name } } __type(name: \"Tool\") { name } }");

    [Fact]
    public void Unknown_field_is_reported_with_field_suggestion() =>
        ExpectErrors(
            Rule,
            "{ tool { nmae } }",
            Error("Cannot query field \"nmae\" on type \"Tool\". Did you mean \"name\"?", (1, 10)));

    [Fact]
    public void Unknown_field_without_suggestion() =>
        ExpectErrors(
            Rule,
            "{ room { zzzzzzzz } }",
            Error("Cannot query field \"zzzzzzzz\" on type \"Room\".", (1, 10)));

    [Fact]
    public void Field_on_interface_suggests_implementing_types() =>
        ExpectErrors(
            Rule,
            "{ lendable { kind } }",
            Error("Cannot query field \"kind\" on type \"Lendable\". Did you mean to use an inline fragment on \"Room\" or \"Tool\"?", (1, 14)));

    [Fact]
    public void Field_on_union_suggests_member_types_and_interfaces_first() =>
        ExpectErrors(
            Rule,
            "{ bookable { name capacity } }",
            Error("Cannot query field \"name\" on type \"Bookable\". Did you mean to use an inline fragment on \"Named\", \"Lendable\", \"Place\", \"Room\", or \"Tool\"?", (1, 14)),
            Error("Cannot query field \"capacity\" on type \"Bookable\". Did you mean to use an inline fragment on \"Place\" or \"Room\"?", (1, 19)));

    [Fact]
    public void Meta_fields_are_not_on_nested_types() =>
        ExpectErrors(
            Rule,
            "{ tool { __schema { types { name } } } }",
            Error("Cannot query field \"__schema\" on type \"Tool\".", (1, 10)));

    [Fact]
    public void Unknown_fields_inside_fragments_are_reported() =>
        ExpectErrors(
            Rule,
            "fragment F on Member { ag }\nfragment G on Member { ... on Room { colour } }",
            Error("Cannot query field \"ag\" on type \"Member\". Did you mean \"age\"?", (1, 24)),
            Error("Cannot query field \"colour\" on type \"Room\". Did you mean \"color\"?", (2, 38)));
}
