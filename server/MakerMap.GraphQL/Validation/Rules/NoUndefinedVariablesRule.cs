using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every variable used by an operation, directly or through its fragments, is defined by that operation.
/// https://spec.graphql.org/September2025/#sec-All-Variable-Uses-Defined
/// </summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(NoUndefinedVariablesRule);

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return VisitorAction.Continue;
        }

        var defined = new HashSet<string>(operation.VariableDefinitions.Select(v => v.Variable.Name.Value), StringComparer.Ordinal);
        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                Report(
                    operation.Name is { } opName
                        ? $"Variable \"${name}\" is not defined by operation \"{opName.Value}\"."
                        : $"Variable \"${name}\" is not defined.",
                    usage.Node,
                    operation);
            }
        }

        return VisitorAction.Continue;
    }
}
