using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>The fields sharing one response key, merged for execution.</summary>
/// <param name="ResponseKey">The alias or field name.</param>
/// <param name="Nodes">The field nodes in document order (the first names the field).</param>
public sealed record FieldGroup(string ResponseKey, IReadOnlyList<FieldNode> Nodes)
{
    /// <summary>The field name (not the alias).</summary>
    public string FieldName => Nodes[0].Name.Value;
}

/// <summary>CollectFields of https://spec.graphql.org/September2025/#sec-Field-Collection, with <c>@skip</c>/<c>@include</c>.</summary>
public static class FieldCollector
{
    /// <summary>Collects the fields of <paramref name="selectionSet"/> for <paramref name="objectType"/>, grouped by response key.</summary>
    public static IReadOnlyList<FieldGroup> CollectFields(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType,
        SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        var state = new State(schema, fragments, variables);
        state.Collect(objectType, selectionSet);
        return state.ToGroups();
    }

    /// <summary>Collects the merged sub-selections of several field nodes (CollectSubfields).</summary>
    public static IReadOnlyList<FieldGroup> CollectSubFields(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType,
        IReadOnlyList<FieldNode> fieldNodes)
    {
        ArgumentNullException.ThrowIfNull(fieldNodes);
        var state = new State(schema, fragments, variables);
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is { } set)
            {
                state.Collect(objectType, set);
            }
        }

        return state.ToGroups();
    }

    /// <summary>Whether <c>@skip</c>/<c>@include</c> on a selection exclude it.</summary>
    internal static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = false;
            foreach (var arg in directive.Arguments)
            {
                if (arg.Name.Value == "if")
                {
                    condition = arg.Value switch
                    {
                        BooleanValueNode b => b.Value,
                        VariableNode v => variables.TryGetValue(v.Name.Value, out var value) && value is true,
                        _ => false,
                    };
                }
            }

            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class State(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        private readonly List<(string Key, List<FieldNode> Nodes)> _groups = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private HashSet<string>? _visitedFragments;

        public void Collect(ObjectType objectType, SelectionSetNode selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (selection.Directives.Count > 0 && !ShouldInclude(selection.Directives, variables))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        var key = field.Alias?.Value ?? field.Name.Value;
                        if (_index.TryGetValue(key, out var i))
                        {
                            _groups[i].Nodes.Add(field);
                        }
                        else
                        {
                            _index[key] = _groups.Count;
                            _groups.Add((key, [field]));
                        }

                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        _visitedFragments ??= new(StringComparer.Ordinal);
                        if (!_visitedFragments.Add(name)
                            || !fragments.TryGetValue(name, out var fragment)
                            || !DoesFragmentTypeApply(objectType, fragment.TypeCondition))
                        {
                            continue;
                        }

                        Collect(objectType, fragment.SelectionSet);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is { } condition && !DoesFragmentTypeApply(objectType, condition))
                        {
                            continue;
                        }

                        Collect(objectType, inline.SelectionSet);
                        break;
                }
            }
        }

        public FieldGroup[] ToGroups()
        {
            var result = new FieldGroup[_groups.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = new FieldGroup(_groups[i].Key, _groups[i].Nodes);
            }

            return result;
        }

        private bool DoesFragmentTypeApply(ObjectType objectType, NamedTypeNode typeCondition)
        {
            var type = schema.GetType(typeCondition.Name.Value);
            return type switch
            {
                ObjectType o => ReferenceEquals(o, objectType),
                InterfaceType or UnionType => schema.IsSubType(type, objectType),
                _ => false,
            };
        }
    }
}
