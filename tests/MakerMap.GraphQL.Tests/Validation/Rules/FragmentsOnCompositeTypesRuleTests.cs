using MakerMap.GraphQL.Validation;
using MakerMap.GraphQL.Validation.Rules;
using static MakerMap.GraphQL.Tests.Validation.ValidationHarness;

namespace MakerMap.GraphQL.Tests.Validation.Rules;

public class FragmentsOnCompositeTypesRuleTests
{
    private static readonly ValidationRuleFactory Rule = c => new FragmentsOnCompositeTypesRule(c);

    [Fact]
    public void Object_interface_and_union_conditions_are_valid() =>
        ExpectValid(Rule, "fragment A on Tool { id } fragment B on Lendable { name } fragment C on Bookable { __typename } fragment D on Tool { ... on Tool { id } ... { id } }");

    [Fact]
    public void Unknown_type_condition_is_left_to_known_type_names() =>
        ExpectValid(Rule, "fragment A on Unknown { id }");

    [Fact]
    public void Scalar_enum_and_input_conditions_are_reported() =>
        ExpectErrors(
            Rule,
            "fragment A on Boolean { bad }\nfragment B on ToolKind { bad }\nfragment C on SlotInput { start }\nfragment D on Tool { ... on String { bad } }",
            Error("Fragment \"A\" cannot condition on non composite type \"Boolean\".", (1, 15)),
            Error("Fragment \"B\" cannot condition on non composite type \"ToolKind\".", (2, 15)),
            Error("Fragment \"C\" cannot condition on non composite type \"SlotInput\".", (3, 15)),
            Error("Fragment cannot condition on non composite type \"String\".", (4, 29)));
}
