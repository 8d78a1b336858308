using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Each named operation in a document has a unique name.
/// https://spec.graphql.org/September2025/#sec-Operation-Name-Uniqueness
/// </summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Name => nameof(UniqueOperationNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case OperationDefinitionNode operation:
                if (operation.Name is { } name)
                {
                    if (_known.TryGetValue(name.Value, out var known))
                    {
                        Report($"There can be only one operation named \"{name.Value}\".", known, name);
                    }
                    else
                    {
                        _known[name.Value] = name;
                    }
                }

                return VisitorAction.SkipChildren;
            case FragmentDefinitionNode:
                return VisitorAction.SkipChildren;
            default:
                return VisitorAction.Continue;
        }
    }
}
