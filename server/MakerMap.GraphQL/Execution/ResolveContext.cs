using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>Everything a resolver may need about the field being resolved and the request.</summary>
public sealed class ResolveContext
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    internal ResolveContext(
        ExecutionContext execution,
        object? source,
        ObjectType parentType,
        FieldDefinition field,
        IReadOnlyList<FieldNode> fieldNodes,
        IReadOnlyDictionary<string, object?>? arguments,
        ResponsePath path)
    {
        Execution = execution;
        Source = source;
        ParentType = parentType;
        FieldDefinition = field;
        FieldNodes = fieldNodes;
        Arguments = arguments ?? NoArguments;
        Path = path;
    }

    /// <summary>The parent value (the root value for root fields).</summary>
    public object? Source { get; }

    /// <summary>The coerced argument values (absent arguments without defaults are missing).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The object type the field belongs to.</summary>
    public ObjectType ParentType { get; }

    /// <summary>The field definition.</summary>
    public FieldDefinition FieldDefinition { get; }

    /// <summary>The field name.</summary>
    public string FieldName => FieldDefinition.Name;

    /// <summary>The field's AST nodes (several when merged).</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The path of this field in the response.</summary>
    public ResponsePath Path { get; }

    /// <summary>The schema.</summary>
    public Schema Schema => Execution.Schema;

    /// <summary>The operation being executed.</summary>
    public OperationDefinitionNode Operation => Execution.Operation;

    /// <summary>The coerced variable values.</summary>
    public IReadOnlyDictionary<string, object?> Variables => Execution.Variables;

    /// <summary>The request's service provider, if any.</summary>
    public IServiceProvider? Services => Execution.Services;

    /// <summary>The request's user context (e.g. a <c>ClaimsPrincipal</c>).</summary>
    public object? UserContext => Execution.UserContext;

    /// <summary>The request <c>extensions</c> sent by the client.</summary>
    public IReadOnlyDictionary<string, object?>? RequestExtensions => Execution.RequestExtensions;

    /// <summary>Cancelled when the request is aborted or the execution timeout elapses.</summary>
    public CancellationToken CancellationToken => Execution.CancellationToken;

    /// <summary>Per-request state shared by resolvers (e.g. DataLoaders).</summary>
    public IDictionary<string, object?> Items => Execution.Items;

    internal ExecutionContext Execution { get; }

    /// <summary>Whether the argument was provided (or has a default).</summary>
    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>Gets an argument converted to <typeparamref name="T"/>; throws when missing and not nullable.</summary>
    public T Argument<T>(string name) => ArgumentConverter.Convert<T>(Arguments.GetValueOrDefault(name), name);

    /// <summary>Gets an argument or <paramref name="defaultValue"/> when absent or null.</summary>
    public T Argument<T>(string name, T defaultValue)
        => Arguments.TryGetValue(name, out var value) && value is not null ? ArgumentConverter.Convert<T>(value, name) : defaultValue;

    /// <summary>The typed parent value.</summary>
    public T SourceAs<T>() => Source is T t ? t : throw new InvalidCastException($"Source of {ParentType.Name}.{FieldName} is not a {typeof(T).Name}.");

    /// <summary>Gets or creates a request-scoped DataLoader (or any per-request object) under <paramref name="key"/>.</summary>
    public T GetOrAddLoader<T>(string key, Func<ResolveContext, T> factory)
        where T : class
        => Execution.GetOrAddLoader(key, this, factory);
}
