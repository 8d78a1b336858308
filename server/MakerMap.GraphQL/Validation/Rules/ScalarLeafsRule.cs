using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Leaf fields (scalars, enums) have no selection set; fields of composite types have a non-empty one.
/// https://spec.graphql.org/September2025/#sec-Leaf-Field-Selections
/// </summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(ScalarLeafsRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not FieldNode field || Context.Type is not { } type)
        {
            return VisitorAction.Continue;
        }

        var fieldName = field.Name.Value;
        if (TypeHelpers.IsLeafType(TypeHelpers.GetNamedType(type)))
        {
            if (field.SelectionSet is { } selectionSet)
            {
                Report($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            Report($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", field);
        }
        else if (field.SelectionSet.Selections.Count == 0)
        {
            Report($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", field);
        }

        return VisitorAction.Continue;
    }
}
