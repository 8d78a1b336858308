using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Introspection queries may nest the list fields <c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c> and <c>inputFields</c> at most two deep (graphql-js's recommended rule,
/// which keeps introspection from being used to build huge responses).
/// https://spec.graphql.org/September2025/#sec-Schema-Introspection
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    // Per fragment: the greatest entry depth at which a check completed without reaching the limit,
    // and the smallest entry depth at which a check reached it. Shared across root checks.
    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Name => nameof(MaxIntrospectionDepthRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is FieldNode field && field.Name.Value is "__schema" or "__type"
            && CheckDepth(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            Report("Maximum introspection depth exceeded", field);
            return VisitorAction.SkipChildren;
        }

        return VisitorAction.Continue;
    }

    private bool CheckDepth(Node node, Dictionary<string, int> visitedFragments, int depth)
    {
        ValidationContext.EnsureStack();
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }

            if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (_checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
            {
                return false;
            }

            if (Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visitedFragments[name] = depth;
            if (CheckDepth(fragment, visitedFragments, depth))
            {
                _exceededFragments[name] = depth;
                return true;
            }

            _checkedFragments[name] = depth;
            return false;
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" } && ++depth >= MaxListsDepth)
        {
            return true;
        }

        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode d => d.SelectionSet,
            _ => null,
        };
        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (CheckDepth(child, visitedFragments, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
