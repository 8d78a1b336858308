using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// A fragment is spread only where its type condition can apply: the fragment type and the parent
/// type have at least one possible object type in common.
/// https://spec.graphql.org/September2025/#sec-Fragment-Spread-Is-Possible
/// </summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(PossibleFragmentSpreadsRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (Context.Type is NamedType fragType && TypeHelpers.IsCompositeType(fragType)
                    && Context.ParentType is { } parentType && TypeHelpers.IsCompositeType(parentType)
                    && !TypeHelpers.DoTypesOverlap(Context.Schema, fragType, parentType))
                {
                    Report($"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragType}\".", inline);
                }

                break;
            case FragmentSpreadNode spread:
                var fragName = spread.Name.Value;
                if (FragmentType(fragName) is { } spreadType && Context.ParentType is { } spreadParent
                    && !TypeHelpers.DoTypesOverlap(Context.Schema, spreadType, spreadParent))
                {
                    Report($"Fragment \"{fragName}\" cannot be spread here as objects of type \"{spreadParent}\" can never be of type \"{spreadType}\".", spread);
                }

                break;
        }

        return VisitorAction.Continue;
    }

    private NamedType? FragmentType(string name) =>
        Context.GetFragment(name) is { } fragment
        && ValueCoercion.TypeFromAst(Context.Schema, fragment.TypeCondition) is NamedType type
        && TypeHelpers.IsCompositeType(type)
            ? type
            : null;
}
