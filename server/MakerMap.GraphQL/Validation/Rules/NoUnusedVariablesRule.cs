using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every variable an operation defines is used by it, directly or through its fragments.
/// https://spec.graphql.org/September2025/#sec-All-Variables-Used
/// </summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(NoUnusedVariablesRule);

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation || operation.VariableDefinitions.Count == 0)
        {
            return VisitorAction.Continue;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            used.Add(usage.Node.Name.Value);
        }

        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                Report(
                    operation.Name is { } opName
                        ? $"Variable \"${name}\" is never used in operation \"{opName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    definition);
            }
        }

        return VisitorAction.Continue;
    }
}
