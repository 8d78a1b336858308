using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;
using FieldMap = System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<MakerMap.GraphQL.Validation.Rules.OverlappingFieldsCanBeMergedRule.FieldAndDefinition>>;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Fields with the same response name in a selection set (fragments included) can be merged: same
/// field and arguments unless their parents are distinct object types, compatible return shapes,
/// and mergeable sub-selections.
/// https://spec.graphql.org/September2025/#sec-Field-Selection-Merging
/// </summary>
/// <remarks>
/// Follows the spec's FieldsInSetCanMerge with graphql-js's optimisations: each selection set's
/// fields are collected once, and each pair of fragments is compared once per exclusivity, so the
/// check stays polynomial on documents built to be exponential.
/// </remarks>
public sealed partial class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<SelectionSetNode, (FieldMap Fields, List<string> FragmentNames)> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly PairSet _comparedFragmentPairs = new();

    /// <inheritdoc/>
    public override string Name => nameof(OverlappingFieldsCanBeMergedRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is SelectionSetNode selectionSet)
        {
            foreach (var conflict in FindConflictsWithinSelectionSet(Context.ParentType, selectionSet))
            {
                Report(
                    $"Fields \"{conflict.Reason.ResponseName}\" conflict because {ReasonMessage(conflict.Reason)}. "
                    + "Use different aliases on the fields to fetch both if this was intentional.",
                    conflict.Fields1.Concat(conflict.Fields2));
            }
        }

        return VisitorAction.Continue;
    }

    private static string ReasonMessage(ConflictReason reason) =>
        reason.SubReasons is { } subReasons
            ? string.Join(" and ", subReasons.Select(r => $"subfields \"{r.ResponseName}\" conflict because {ReasonMessage(r)}"))
            : reason.Message!;

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(parentType, selectionSet);
        CollectConflictsWithin(conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fieldMap2, referencedFragmentNames) = GetReferencedFieldsAndFragmentNames(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2))
        {
            return;
        }

        ValidationContext.EnsureStack();
        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap, fieldMap2);
        foreach (var referenced in referencedFragmentNames)
        {
            // Memoized so that a pair is not compared again (this also stops fragment cycles).
            if (_comparedFragmentPairs.Has(referenced, fragmentName, areMutuallyExclusive))
            {
                continue;
            }

            _comparedFragmentPairs.Add(referenced, fragmentName, areMutuallyExclusive);
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        if (Context.GetFragment(fragmentName1) is not { } fragment1 || Context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }

        ValidationContext.EnsureStack();
        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragmentNames(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragmentNames(fragment2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name2 in referenced2)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, name2);
        }

        foreach (var name1 in referenced1)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, name1, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, selectionSet1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name2 in fragmentNames2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap1, name2);
        }

        foreach (var name1 in fragmentNames1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fieldMap2, name1);
        }

        foreach (var name1 in fragmentNames1)
        {
            foreach (var name2 in fragmentNames2)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var (responseName, fields) in fieldMap)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        foreach (var (responseName, fields1) in fieldMap1)
        {
            if (!fieldMap2.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldAndDefinition field1, FieldAndDefinition field2)
    {
        var (parentType1, node1, def1) = field1;
        var (parentType2, node2, def2) = field2;

        // Fields on two different object types can never be selected together, so only their shapes must agree.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(parentType1, parentType2) && parentType1 is ObjectType && parentType2 is ObjectType);

        if (!areMutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(new ConflictReason(responseName, $"\"{name1}\" and \"{name2}\" are different fields", null), [node1], [node2]);
            }

            if (!SameArguments(node1, node2))
            {
                return new Conflict(new ConflictReason(responseName, "they have differing arguments", null), [node1], [node2]);
            }
        }

        var type1 = def1?.Type;
        var type2 = def2?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(new ConflictReason(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", null), [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive,
                type1 is null ? null : TypeHelpers.GetNamedType(type1),
                selectionSet1,
                type2 is null ? null : TypeHelpers.GetNamedType(type2),
                selectionSet2);
            if (conflicts.Count > 0)
            {
                return new Conflict(
                    new ConflictReason(responseName, null, conflicts.ConvertAll(c => c.Reason)),
                    [node1, .. conflicts.SelectMany(c => c.Fields1)],
                    [node2, .. conflicts.SelectMany(c => c.Fields2)]);
            }
        }

        return null;
    }

    private static bool SameArguments(FieldNode node1, FieldNode node2)
    {
        var args1 = node1.Arguments;
        var args2 = node2.Arguments;
        if (args1.Count == 0)
        {
            return args2.Count == 0;
        }

        if (args1.Count != args2.Count)
        {
            return false;
        }

        var values2 = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var arg in args2)
        {
            values2[arg.Name.Value] = arg.Value;
        }

        foreach (var arg1 in args1)
        {
            if (!values2.TryGetValue(arg1.Name.Value, out var value2)
                || ValidationText.PrintSorted(arg1.Value) != ValidationText.PrintSorted(value2))
            {
                return false;
            }
        }

        return true;
    }

    // Two field types conflict when they differ in list/non-null shape or are different leaf types.
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            if (type1 is ListType list1)
            {
                if (type2 is not ListType list2)
                {
                    return true;
                }

                (type1, type2) = (list1.OfType, list2.OfType);
                continue;
            }

            if (type2 is ListType)
            {
                return true;
            }

            if (type1 is NonNullType nonNull1)
            {
                if (type2 is not NonNullType nonNull2)
                {
                    return true;
                }

                (type1, type2) = (nonNull1.OfType, nonNull2.OfType);
                continue;
            }

            if (type2 is NonNullType)
            {
                return true;
            }

            if (TypeHelpers.IsLeafType(type1) || TypeHelpers.IsLeafType(type2))
            {
                return !ReferenceEquals(type1, type2);
            }

            return false;
        }
    }

    private (FieldMap Fields, List<string> FragmentNames) GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap(StringComparer.Ordinal);
        var fragmentNames = new List<string>();
        var seenFragments = new HashSet<string>(StringComparer.Ordinal);
        CollectFieldsAndFragmentNames(parentType, selectionSet, fieldMap, fragmentNames, seenFragments);
        var result = (fieldMap, fragmentNames);
        _cache[selectionSet] = result;
        return result;
    }

    private (FieldMap Fields, List<string> FragmentNames) GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment)
    {
        if (_cache.TryGetValue(fragment.SelectionSet, out var cached))
        {
            return cached;
        }

        var fragmentType = Execution.ValueCoercion.TypeFromAst(Context.Schema, fragment.TypeCondition) as NamedType;
        return GetFieldsAndFragmentNames(fragmentType, fragment.SelectionSet);
    }

    private void CollectFieldsAndFragmentNames(
        NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames, HashSet<string> seenFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var fieldDef = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (!fieldMap.TryGetValue(responseName, out var list))
                    {
                        fieldMap[responseName] = list = [];
                    }

                    list.Add(new FieldAndDefinition(parentType, field, fieldDef));
                    break;
                case FragmentSpreadNode spread:
                    if (seenFragments.Add(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition
                        ? Execution.ValueCoercion.TypeFromAst(Context.Schema, condition) as NamedType
                        : parentType;
                    CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, fieldMap, fragmentNames, seenFragments);
                    break;
            }
        }
    }
}
