using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Variables can only be of input types (scalars, enums, input objects, and lists and non-null of them).
/// https://spec.graphql.org/September2025/#sec-Variables-Are-Input-Types
/// </summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(VariablesAreInputTypesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is VariableDefinitionNode definition
            && ValueCoercion.TypeFromAst(Context.Schema, definition.Type) is { } type
            && !TypeHelpers.IsInputType(type))
        {
            Report(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                definition.Type);
        }

        return VisitorAction.Continue;
    }
}
