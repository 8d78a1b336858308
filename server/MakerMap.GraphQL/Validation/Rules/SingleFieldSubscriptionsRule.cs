using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// A subscription operation selects exactly one root field, which is not an introspection field.
/// https://spec.graphql.org/September2025/#sec-Single-Root-Field
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(SingleFieldSubscriptionsRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation
            || Context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return VisitorAction.Continue;
        }

        var operationName = operation.Name?.Value;
        var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        CollectFields(subscriptionType, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        if (fields.Count > 1)
        {
            Report(
                operationName is not null
                    ? $"Subscription \"{operationName}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                fields.Values.Skip(1).SelectMany(f => f));
        }

        foreach (var fieldNodes in fields.Values)
        {
            if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Report(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    fieldNodes);
            }
        }

        return VisitorAction.Continue;
    }

    // CollectFields (https://spec.graphql.org/September2025/#CollectFields()) with no variable values:
    // only literal @skip/@include conditions can exclude a selection here.
    private void CollectFields(ObjectType type, SelectionSetNode selectionSet, Dictionary<string, List<FieldNode>> fields, HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.Alias?.Value ?? field.Name.Value;
                    if (!fields.TryGetValue(key, out var list))
                    {
                        fields[key] = list = [];
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Matches(inline.TypeCondition, type))
                    {
                        CollectFields(type, inline.SelectionSet, fields, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name.Value)
                        && Context.GetFragment(spread.Name.Value) is { } fragment
                        && Matches(fragment.TypeCondition, type))
                    {
                        CollectFields(type, fragment.SelectionSet, fields, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool Matches(NamedTypeNode condition, ObjectType type)
    {
        var conditionType = ValueCoercion.TypeFromAst(Context.Schema, condition);
        return conditionType is not null
            && (ReferenceEquals(conditionType, type)
                || (conditionType is NamedType named && TypeHelpers.IsAbstractType(named) && Context.Schema.IsSubType(named, type)));
    }

    private static bool ShouldInclude(SelectionNode selection)
    {
        foreach (var directive in selection.Directives)
        {
            var value = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value as BooleanValueNode;
            if (value is null)
            {
                continue;
            }

            if ((directive.Name.Value == "skip" && value.Value) || (directive.Name.Value == "include" && !value.Value))
            {
                return false;
            }
        }

        return true;
    }
}
