using System.Globalization;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Safety limit (not in the spec): an operation's cost, what executing it would produce, is at most
/// <see cref="ValidationOptions.MaxCost"/>. Every selected field costs 1, and the fields below a list
/// count once per item the list may hold, so aliases, page sizes and nested connections multiply; the
/// error carries <c>extensions.code</c> <c>QUERY_TOO_COSTLY</c> with <c>cost</c> and <c>maxCost</c>.
/// https://spec.graphql.org/September2025/#sec-Validation
/// </summary>
/// <remarks>
/// How many items a list holds is read from its slicing argument (<see cref="ValidationOptions.SlicingArguments"/>,
/// e.g. <c>first</c>): a literal counts as written, a variable as <see cref="ValidationOptions.VariableListSize"/>
/// (a document is validated once for any variables, so the largest page is assumed), an omitted argument
/// as its default. A list without one counts <see cref="ValidationOptions.AssumedListSize"/> items. A
/// sliced field that is not itself a list (a connection) sizes the lists directly below it (<c>nodes</c>,
/// <c>edges</c>), so they are not counted twice. Introspection fields count 1 each: they read the
/// schema in memory, and <see cref="MaxIntrospectionDepthRule"/> bounds them.
/// </remarks>
public sealed class MaxComplexityRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<(string Name, bool SizedByParent), long> _fragmentCosts = [];
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
            var root = operation.Operation switch
            {
                OperationType.Mutation => Context.Schema.MutationType,
                OperationType.Subscription => Context.Schema.SubscriptionType,
                _ => Context.Schema.QueryType,
            };
            var cost = Cost(operation.SelectionSet, root, sizedByParent: false);
            if (cost > max)
            {
                var name = operation.Name is { } n ? $"Operation \"{n.Value}\"" : "Anonymous operation";
                Context.ReportError(new Errors.GraphQLError(
                    $"{name} has cost {cost}, which exceeds the maximum allowed cost of {max}.",
                    [operation],
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["code"] = ErrorCodes.QueryTooCostly,
                        ["cost"] = cost,
                        ["maxCost"] = max,
                    })
                { RuleName = Name });
            }
        }

        return VisitorAction.SkipChildren;
    }

    // Costs are memoized per fragment and saturate, so repeated spreads cannot blow up the count. A
    // field on an unknown type still costs 1 (FieldsOnCorrectTypeRule reports it).
    private long Cost(SelectionSetNode selectionSet, NamedType? parentType, bool sizedByParent)
    {
        ValidationContext.EnsureStack();
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                FieldNode field => FieldCost(field, parentType, sizedByParent),
                InlineFragmentNode inline => Cost(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parentType, sizedByParent),
                FragmentSpreadNode spread => FragmentCost(spread.Name.Value, sizedByParent),
                _ => 0,
            };
            total = Math.Min(total, int.MaxValue);
        }

        return total;
    }

    private long FieldCost(FieldNode field, NamedType? parentType, bool sizedByParent)
    {
        if (field.SelectionSet is not { } set)
        {
            return 1;
        }

        var definition = (parentType as ComplexType)?.GetField(field.Name.Value);
        var fieldType = definition?.Type;
        var named = fieldType is null ? null : TypeHelpers.GetNamedType(fieldType);
        if (field.Name.Value.StartsWith("__", StringComparison.Ordinal) || parentType?.Name.StartsWith("__", StringComparison.Ordinal) == true)
        {
            return 1 + Cost(set, named, sizedByParent: true);
        }

        var isList = IsList(fieldType);
        long items = 1;
        if (definition is not null && SlicedSize(field, definition) is { } sliced)
        {
            if (!isList)
            {
                // a connection: the lists right below it (nodes, edges) hold the page, its other fields count once
                var once = Cost(set, named, sizedByParent: true);
                return Math.Min(1 + once + ((sliced - 1) * ListChildrenCost(set, named)), int.MaxValue);
            }

            items = sliced;
        }
        else if (isList && !sizedByParent)
        {
            items = Context.Options.AssumedListSize;
        }

        return Math.Min(1 + (items * Cost(set, named, sizedByParent: false)), int.MaxValue);
    }

    private static bool IsList(GraphQLType? type) => type is ListType or NonNullType { OfType: ListType };

    // What one item of the lists directly below a connection costs.
    private long ListChildrenCost(SelectionSetNode set, NamedType? connectionType)
    {
        ValidationContext.EnsureStack();
        long total = 0;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode { SelectionSet: { } inner } child
                    when (connectionType as ComplexType)?.GetField(child.Name.Value)?.Type is { } childType && IsList(childType):
                    total += Cost(inner, TypeHelpers.GetNamedType(childType), sizedByParent: false);
                    break;
                case InlineFragmentNode inline:
                    total += ListChildrenCost(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? connectionType);
                    break;
                case FragmentSpreadNode spread when Context.GetFragment(spread.Name.Value) is { } fragment && _inProgress.Add(spread.Name.Value):
                    total += ListChildrenCost(fragment.SelectionSet, TypeOf(fragment.TypeCondition));
                    _inProgress.Remove(spread.Name.Value);
                    break;
            }

            total = Math.Min(total, int.MaxValue);
        }

        return total;
    }

    // The page size a slicing argument asks for, or null when the field has none.
    private long? SlicedSize(FieldNode field, FieldDefinition definition)
    {
        foreach (var name in Context.Options.SlicingArguments)
        {
            if (definition.GetArgument(name) is not { } argument)
            {
                continue;
            }

            foreach (var given in field.Arguments)
            {
                if (given.Name.Value == name)
                {
                    return given.Value switch
                    {
                        IntValueNode literal when long.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => Math.Max(n, 0),
                        VariableNode => Context.Options.VariableListSize,
                        _ => Context.Options.AssumedListSize,
                    };
                }
            }

            return argument.HasDefaultValue && argument.DefaultValue is int defaultSize ? Math.Max(defaultSize, 0) : Context.Options.AssumedListSize;
        }

        return null;
    }

    private NamedType? TypeOf(NamedTypeNode? condition) => condition is null ? null : Context.Schema.GetType(condition.Name.Value);

    private long FragmentCost(string name, bool sizedByParent)
    {
        if (_fragmentCosts.TryGetValue((name, sizedByParent), out var cached))
        {
            return cached;
        }

        if (Context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
        {
            return 0;
        }

        var cost = Cost(fragment.SelectionSet, TypeOf(fragment.TypeCondition), sizedByParent);
        _inProgress.Remove(name);
        _fragmentCosts[(name, sizedByParent)] = cost;
        return cost;
    }
}
