using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>Per-request execution state shared by all resolvers of one operation.</summary>
internal sealed class ExecutionContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, object?> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<(IReadOnlyList<FieldNode>, ObjectType), IReadOnlyList<FieldGroup>> _subFields = [];

    public ExecutionContext(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ExecutionOptions options,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        Options = options;
        CancellationToken = cancellationToken;
        Dispatcher = new DataLoaderDispatcher(cancellationToken);
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public ExecutionOptions Options { get; }

    public IServiceProvider? Services => Options.Services;

    public object? UserContext => Options.UserContext;

    public IReadOnlyDictionary<string, object?>? RequestExtensions => Options.RequestExtensions;

    public CancellationToken CancellationToken { get; }

    public DataLoaderDispatcher Dispatcher { get; }

    public IDictionary<string, object?> Items => _items;

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public IReadOnlyList<GraphQLError> TakeErrors()
    {
        lock (_errors)
        {
            return [.. _errors];
        }
    }

    public T GetOrAddLoader<T>(string key, ResolveContext context, Func<ResolveContext, T> factory)
        where T : class
    {
        lock (_items)
        {
            if (_items.TryGetValue(key, out var existing) && existing is T t)
            {
                return t;
            }

            var created = factory(context);
            if (created is IDataLoader loader)
            {
                loader.Attach(Dispatcher);
            }

            _items[key] = created;
            return created;
        }
    }

    /// <summary>Collects the sub-fields of merged field nodes for one object type, cached for list items.</summary>
    public IReadOnlyList<FieldGroup> CollectSubFields(ObjectType type, IReadOnlyList<FieldNode> fieldNodes)
    {
        lock (_subFields)
        {
            if (_subFields.TryGetValue((fieldNodes, type), out var cached))
            {
                return cached;
            }
        }

        var collected = FieldCollector.CollectSubFields(Schema, Fragments, Variables, type, fieldNodes);
        lock (_subFields)
        {
            _subFields[(fieldNodes, type)] = collected;
        }

        return collected;
    }
}
