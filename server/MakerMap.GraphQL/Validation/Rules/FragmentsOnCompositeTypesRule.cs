using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Fragments (named and inline) can only have object, interface or union type conditions.
/// https://spec.graphql.org/September2025/#sec-Fragments-On-Composite-Types
/// </summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(FragmentsOnCompositeTypesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition } when IsNonComposite(condition):
                Report($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
                break;
            case FragmentDefinitionNode fragment when IsNonComposite(fragment.TypeCondition):
                Report($"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".", fragment.TypeCondition);
                break;
        }

        return VisitorAction.Continue;
    }

    private bool IsNonComposite(NamedTypeNode condition) =>
        ValueCoercion.TypeFromAst(Context.Schema, condition) is { } type && !TypeHelpers.IsCompositeType(type);
}
