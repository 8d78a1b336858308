using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Safety limit (not in the spec): an operation's field nesting depth, fragments expanded, is at
/// most <see cref="ValidationOptions.MaxDepth"/>. The spec allows servers to reject costly
/// requests: https://spec.graphql.org/September2025/#sec-Validation
/// </summary>
public sealed class MaxDepthRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Name => nameof(MaxDepthRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return node is DocumentNode ? VisitorAction.Continue : VisitorAction.SkipChildren;
        }

        if (Context.Options.MaxDepth is { } max)
        {
            var depth = Depth(operation.SelectionSet);
            if (depth > max)
            {
                var name = operation.Name is { } n ? $"Operation \"{n.Value}\"" : "Anonymous operation";
                Report($"{name} has depth {depth}, which exceeds the maximum allowed depth of {max}.", operation);
            }
        }

        return VisitorAction.SkipChildren;
    }

    // Depth of a selection set: 1 + the deepest sub-selection of its fields (0 for an empty set).
    private int Depth(SelectionSetNode selectionSet)
    {
        ValidationContext.EnsureStack();
        var max = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var depth = selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is { } set ? Depth(set) : 0),
                InlineFragmentNode inline => Depth(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentDepth(spread.Name.Value),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }

        return max;
    }

    private int FragmentDepth(string name)
    {
        if (_fragmentDepths.TryGetValue(name, out var cached))
        {
            return cached;
        }

        // Cycles are reported by NoFragmentCyclesRule; here they add nothing.
        if (Context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
        {
            return 0;
        }

        var depth = Depth(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragmentDepths[name] = depth;
        return depth;
    }
}
