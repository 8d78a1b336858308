using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every fragment defined in a document is used by at least one operation.
/// https://spec.graphql.org/September2025/#sec-Fragments-Must-Be-Used
/// </summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    /// <inheritdoc/>
    public override string Name => nameof(NoUnusedFragmentsRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case OperationDefinitionNode operation:
                _operations.Add(operation);
                return VisitorAction.SkipChildren;
            case FragmentDefinitionNode fragment:
                _fragments.Add(fragment);
                return VisitorAction.SkipChildren;
            default:
                return VisitorAction.Continue;
        }
    }

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is DocumentNode)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in _operations)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment.Name.Value);
                }
            }

            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name.Value))
                {
                    Report($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }

        return VisitorAction.Continue;
    }
}
