using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Each fragment definition in a document has a unique name.
/// https://spec.graphql.org/September2025/#sec-Fragment-Name-Uniqueness
/// </summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Name => nameof(UniqueFragmentNamesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                return VisitorAction.SkipChildren;
            case FragmentDefinitionNode fragment:
                var name = fragment.Name;
                if (_known.TryGetValue(name.Value, out var known))
                {
                    Report($"There can be only one fragment named \"{name.Value}\".", known, name);
                }
                else
                {
                    _known[name.Value] = name;
                }

                return VisitorAction.SkipChildren;
            default:
                return VisitorAction.Continue;
        }
    }
}
