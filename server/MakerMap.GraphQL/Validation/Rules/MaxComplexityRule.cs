using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Safety limit (not in the spec): an operation's cost, the number of fields it selects with every
/// fragment spread expanded, is at most <see cref="ValidationOptions.MaxCost"/>.
/// https://spec.graphql.org/September2025/#sec-Validation
/// </summary>
public sealed class MaxComplexityRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, long> _fragmentCosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Name => nameof(MaxComplexityRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return node is DocumentNode ? VisitorAction.Continue : VisitorAction.SkipChildren;
        }

        if (Context.Options.MaxCost is { } max)
        {
            var cost = Cost(operation.SelectionSet);
            if (cost > max)
            {
                var name = operation.Name is { } n ? $"Operation \"{n.Value}\"" : "Anonymous operation";
                Report($"{name} has cost {cost}, which exceeds the maximum allowed cost of {max}.", operation);
            }
        }

        return VisitorAction.SkipChildren;
    }

    // Costs are memoized per fragment and saturate, so repeated spreads cannot blow up the count.
    private long Cost(SelectionSetNode selectionSet)
    {
        ValidationContext.EnsureStack();
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is { } set ? Cost(set) : 0),
                InlineFragmentNode inline => Cost(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentCost(spread.Name.Value),
                _ => 0,
            };
            total = Math.Min(total, int.MaxValue);
        }

        return total;
    }

    private long FragmentCost(string name)
    {
        if (_fragmentCosts.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (Context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
        {
            return 0;
        }

        var cost = Cost(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragmentCosts[name] = cost;
        return cost;
    }
}
