using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class UniqueFragmentNamesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new UniqueFragmentNamesRule(c);

    [Fact]
    public void Distinct_fragment_names_are_valid() =>
        ExpectValid(Rule, "{ tool { ...A ...B } } fragment A on Tool { id } fragment B on Tool { name }");

    [Fact]
    public void Fragment_and_operation_sharing_a_name_is_valid() =>
        ExpectValid(Rule, "query A { tool { ...A } } fragment A on Tool { id }");

    [Fact]
    public void Duplicate_fragment_names_are_reported() =>
        ExpectErrors(
            Rule,
            "{ tool { ...A } }\nfragment A on Tool { id }\nfragment A on Tool { name }",
            Error("There can be only one fragment named \"A\".", (2, 10), (3, 10)));
}
