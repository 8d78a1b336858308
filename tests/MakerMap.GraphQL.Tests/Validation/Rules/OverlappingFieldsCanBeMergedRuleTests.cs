using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new OverlappingFieldsCanBeMergedRule(c);

    [Fact]
    public void Identical_fields_and_arguments_are_valid() =>
        ExpectValid(Rule, "{ tool { name name isNear(lat: 1, lng: 2) isNear(lng: 2, lat: 1) n: name n: name } slots(input: {start: \"a\", end: \"b\"}) slots(input: {end: \"b\", start: \"a\"}) }");

    [Fact]
    public void Different_fields_on_disjoint_object_types_are_valid() =>
        ExpectValid(Rule, "{ bookable { ... on Tool { x: name(locale: \"en\") } ... on Room { x: name } } }");

    [Fact]
    public void Aliases_to_different_fields_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { x: name x: kind } }",
            Error("Fields \"x\" conflict because \"name\" and \"kind\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 18)));

    [Fact]
    public void Differing_arguments_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { hasKind(kind: DRILL) hasKind(kind: SAW) hasKind } }",
            Error("Fields \"hasKind\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 31)),
            Error("Fields \"hasKind\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 50)),
            Error("Fields \"hasKind\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 31), (1, 50)));

    [Fact]
    public void Conflicting_return_types_on_disjoint_types_are_reported() =>
        ExpectErrors(
            Rule,
            "{ bookable { ... on Tool { kind } ... on Room { kind } } }",
            Error("Fields \"kind\" conflict because they return conflicting types \"ToolKind\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (1, 28), (1, 49)));

    [Fact]
    public void Conflicting_list_shape_is_reported() =>
        ExpectErrors(
            Rule,
            "{ party { ... on Member { x: tools { id } } ... on Tool { x: manual { title } } } }",
            Error("Fields \"x\" conflict because they return conflicting types \"[Tool]\" and \"Manual\". Use different aliases on the fields to fetch both if this was intentional.", (1, 27), (1, 59)));

    [Fact]
    public void Conflicts_in_subfields_are_reported_with_their_path() =>
        ExpectErrors(
            Rule,
            "{ tool { owner { x: name } owner { x: age } } }",
            Error("Fields \"owner\" conflict because subfields \"x\" conflict because \"name\" and \"age\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 18), (1, 28), (1, 36)));

    [Fact]
    public void Conflicts_through_fragments_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { ...A ...B } }\nfragment A on Tool { x: name }\nfragment B on Tool { x: id }",
            Error("Fields \"x\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 22), (3, 22)));

    [Fact]
    public void Recursive_fragments_terminate() =>
        ExpectValid(Rule, "{ tool { ...A } } fragment A on Tool { name ...A }");

    [Fact]
    public void Exponential_fragment_document_is_validated_quickly()
    {
        // Each fragment spreads the next one twice: naive expansion would be 2^40 fields.
        var fragments = string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Tool {{ name ...F{i + 1} ...F{i + 1} }}\n"));
        var text = "{ tool { ...F0 } }\n" + fragments + "fragment F40 on Tool { name }";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var errors = DocumentValidatorTestHelpers.ValidateLarge(text, Rule);
        Assert.Empty(errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
