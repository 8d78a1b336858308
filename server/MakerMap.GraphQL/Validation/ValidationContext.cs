using System.Runtime.CompilerServices;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation;

/// <summary>
/// What validation rules see: the schema, the document, the current <see cref="TypeInfo"/> state and
/// cached document facts (fragments, spreads, variable usages). Rules report errors here.
/// </summary>
public sealed class ValidationContext
{
    private readonly TypeInfo _typeInfo;
    private readonly Action<GraphQLError> _onError;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a context; <paramref name="onError"/> receives every reported error.</summary>
    public ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, ValidationOptions options, Action<GraphQLError> onError)
    {
        ArgumentNullException.ThrowIfNull(document);
        Schema = schema;
        Document = document;
        Options = options;
        _typeInfo = typeInfo;
        _onError = onError;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }
    }

    /// <summary>The schema validated against.</summary>
    public Schema Schema { get; }

    /// <summary>The document being validated.</summary>
    public DocumentNode Document { get; }

    /// <summary>The options in effect.</summary>
    public ValidationOptions Options { get; }

    /// <summary>See <see cref="TypeInfo.Type"/>.</summary>
    public GraphQLType? Type => _typeInfo.Type;

    /// <summary>See <see cref="TypeInfo.ParentType"/>.</summary>
    public NamedType? ParentType => _typeInfo.ParentType;

    /// <summary>See <see cref="TypeInfo.InputType"/>.</summary>
    public GraphQLType? InputType => _typeInfo.InputType;

    /// <summary>See <see cref="TypeInfo.ParentInputType"/>.</summary>
    public GraphQLType? ParentInputType => _typeInfo.ParentInputType;

    /// <summary>See <see cref="TypeInfo.FieldDefinition"/>.</summary>
    public FieldDefinition? FieldDefinition => _typeInfo.FieldDefinition;

    /// <summary>See <see cref="TypeInfo.Directive"/>.</summary>
    public DirectiveDefinition? Directive => _typeInfo.Directive;

    /// <summary>See <see cref="TypeInfo.Argument"/>.</summary>
    public ArgumentDefinition? Argument => _typeInfo.Argument;

    /// <summary>Reports an error.</summary>
    public void ReportError(GraphQLError error) => _onError(error);

    /// <summary>The first fragment definition with the given name, if any.</summary>
    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The fragment spreads in a selection set, including those nested in inline fragments (not in sub-fields).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments (each once).</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.TryPop(out var node))
        {
            foreach (var spread in GetFragmentSpreads(node))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used directly in an operation or fragment (not in the fragments it spreads).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (_variableUsages.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var typeInfo = new TypeInfo(Schema);
        var collector = new VariableUsageCollector(typeInfo);
        Visitor.Visit(node, new TypeInfoVisitor(typeInfo, collector));
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables used by an operation, including through every fragment it references.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>Throws <see cref="InsufficientExecutionStackException"/> before a deep recursion could overflow the stack.</summary>
    internal static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : AstVisitor
    {
        public List<VariableUsage> Usages { get; } = [];

        public override VisitorAction Enter(Node node, Node? parent)
        {
            switch (node)
            {
                case VariableDefinitionNode:
                    return VisitorAction.SkipChildren;
                case VariableNode variable:
                    Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
                    break;
            }

            return VisitorAction.Continue;
        }
    }
}
