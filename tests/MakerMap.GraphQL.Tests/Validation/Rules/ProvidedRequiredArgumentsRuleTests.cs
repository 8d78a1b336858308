using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class ProvidedRequiredArgumentsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new ProvidedRequiredArgumentsRule(c);

    [Fact]
    public void Required_arguments_given_and_optional_ones_omitted_are_valid() =>
        ExpectValid(Rule, "{ node(id: 1) { id } tool { isAvailable(from: \"now\") } echo(nn: 1, strictList: []) room @withArgs(required: 1) { id } }");

    [Fact]
    public void Non_null_argument_with_default_is_optional() =>
        ExpectValid(Rule, "{ echo(nn: 1, strictList: [1]) }");

    [Fact]
    public void Unknown_fields_and_directives_are_ignored() =>
        ExpectValid(Rule, "{ unknown { id } room @unknown { id } }");

    [Fact]
    public void Missing_field_arguments_are_reported_at_the_field() =>
        ExpectErrors(
            Rule,
            "{ node { id } echo(s: \"x\") }",
            Error("Field \"node\" argument \"id\" of type \"ID!\" is required, but it was not provided.", (1, 3)),
            Error("Field \"echo\" argument \"strictList\" of type \"[Int!]!\" is required, but it was not provided.", (1, 15)),
            Error("Field \"echo\" argument \"nn\" of type \"Int!\" is required, but it was not provided.", (1, 15)));

    [Fact]
    public void Missing_directive_arguments_are_reported_at_the_directive() =>
        ExpectErrors(
            Rule,
            "{ room @include @withArgs(optional: \"a\") { id } }",
            Error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 8)),
            Error("Directive \"@withArgs\" argument \"required\" of type \"Int!\" is required, but it was not provided.", (1, 17)));

    [Fact]
    public void Nested_errors_are_reported_before_the_outer_field() =>
        ExpectErrors(
            Rule,
            "{ node { ... on Tool { isAvailable } } }",
            Error("Field \"isAvailable\" argument \"from\" of type \"String!\" is required, but it was not provided.", (1, 24)),
            Error("Field \"node\" argument \"id\" of type \"ID!\" is required, but it was not provided.", (1, 3)));
}
