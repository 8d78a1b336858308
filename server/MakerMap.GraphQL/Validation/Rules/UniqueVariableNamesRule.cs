using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// An operation defines each variable at most once.
/// https://spec.graphql.org/September2025/#sec-Variable-Uniqueness
/// </summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(UniqueVariableNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is OperationDefinitionNode { VariableDefinitions.Count: > 1 } operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
            {
                var nodes = group.ToList();
                if (nodes.Count > 1)
                {
                    Report($"There can be only one variable named \"${group.Key}\".", nodes.Select(v => v.Variable.Name));
                }
            }
        }

        return VisitorAction.Continue;
    }
}
