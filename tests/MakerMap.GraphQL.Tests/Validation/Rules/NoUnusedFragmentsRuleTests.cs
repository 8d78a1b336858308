using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class NoUnusedFragmentsRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new NoUnusedFragmentsRule(c);

    [Fact]
    public void Fragments_used_directly_and_transitively_are_valid() =>
        ExpectValid(Rule, "query A { tool { ...F1 } } query B { member { ...F3 } } fragment F1 on Tool { ...F2 } fragment F2 on Tool { id } fragment F3 on Member { id }");

    [Fact]
    public void Unused_fragments_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { ...Used } }\nfragment Used on Tool { id }\nfragment Unused on Tool { ...AlsoUnused }\nfragment AlsoUnused on Tool { id }",
            Error("Fragment \"Unused\" is never used.", (3, 1)),
            Error("Fragment \"AlsoUnused\" is never used.", (4, 1)));

    [Fact]
    public void Fragments_reachable_only_from_a_cycle_are_unused() =>
        ExpectErrors(
            Rule,
            "{ tool { id } }\nfragment A on Tool { ...B }\nfragment B on Tool { ...A }",
            Error("Fragment \"A\" is never used.", (2, 1)),
            Error("Fragment \"B\" is never used.", (3, 1)));
}
