using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class KnownTypeNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new KnownTypeNamesRule(c);

    [Fact]
    public void Known_types_are_valid() =>
        ExpectValid(Rule, "query Q($a: String, $b: [SlotInput!]!, $c: ToolKind) { tool { ...F ... on Lendable { name } } } fragment F on Tool { id }");

    [Fact]
    public void Unknown_types_are_reported_with_suggestions() =>
        ExpectErrors(
            Rule,
            "query Q($a: Strin, $b: [Slotinput]) { tool { ... on Tol { id } ...F } }\nfragment F on Mebmer { id }",
            Error("Unknown type \"Strin\". Did you mean \"String\"?", (1, 13)),
            Error("Unknown type \"Slotinput\". Did you mean \"SlotInput\"?", (1, 25)),
            Error("Unknown type \"Tol\". Did you mean \"Tool\"?", (1, 53)),
            Error("Unknown type \"Mebmer\". Did you mean \"Member\"?", (2, 15)));

    [Fact]
    public void Unknown_type_without_near_names_has_no_suggestion() =>
        ExpectErrors(
            Rule,
            "query Q($a: Zebra) { room { id } }",
            Error("Unknown type \"Zebra\".", (1, 13)));

    [Fact]
    public void Standard_scalars_in_sdl_are_known() =>
        ExpectErrors(
            Rule,
            "type Extra { a: String b: __Type c: Missing }",
            Error("Unknown type \"Missing\".", (1, 37)));
}
