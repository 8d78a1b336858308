using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class NoFragmentCyclesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new NoFragmentCyclesRule(c);

    [Fact]
    public void Fragments_spread_twice_without_cycle_are_valid() =>
        ExpectValid(Rule, "fragment A on Tool { ...B ...B ... on Tool { ...C } } fragment B on Tool { ...C } fragment C on Tool { id }");

    [Fact]
    public void Spreading_an_unknown_fragment_is_not_a_cycle() =>
        ExpectValid(Rule, "fragment A on Tool { ...Missing }");

    [Fact]
    public void Fragment_spreading_itself_is_reported() =>
        ExpectErrors(
            Rule,
            "fragment A on Tool { ...A }",
            Error("Cannot spread fragment \"A\" within itself.", (1, 22)));

    [Fact]
    public void Cycle_through_inline_fragment_is_reported() =>
        ExpectErrors(
            Rule,
            "fragment A on Tool { ... on Tool { ...A } }",
            Error("Cannot spread fragment \"A\" within itself.", (1, 36)));

    [Fact]
    public void Indirect_cycle_is_reported_once_with_its_path() =>
        ExpectErrors(
            Rule,
            "fragment A on Tool { ...B }\nfragment B on Tool { ...C }\nfragment C on Tool { ...A }",
            Error("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", (1, 22), (2, 22), (3, 22)));

    [Fact]
    public void Deep_fragment_chain_does_not_overflow()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"fragment F{i} on Tool {{ ...F{i + 1} }}\n")) + "fragment F2000 on Tool { id }";
        var errors = DocumentValidatorTestHelpers.ValidateLarge(text, Rule);
        Assert.Empty(errors);
    }
}
