using System.Collections;
using System.Diagnostics;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Types.Introspection;

namespace MakerMap.GraphQL.Execution;

/// <summary>
/// Executes a validated document (https://spec.graphql.org/September2025/#sec-Execution): field
/// collection, argument coercion, resolvers run in parallel for queries and serially for mutations,
/// value completion with null propagation, and DataLoader dispatch whenever the running level has no
/// more synchronous work.
/// </summary>
public static partial class Executor
{
    /// <summary>
    /// A null that must propagate to the nearest nullable position, carrying its error. As in graphql-js,
    /// only the nullable position that absorbs it records the error: one error per nulled position.
    /// </summary>
    private sealed class PropagatedNull(GraphQLError error)
    {
        public GraphQLError Error { get; } = error;
    }

    /// <summary>Executes a query or mutation of <paramref name="document"/> (which must be valid).</summary>
    public static async Task<ExecutionResult> ExecuteAsync(
        Schema schema,
        DocumentNode document,
        string? operationName = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        ExecutionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ExecutionOptions();
        var (context, rootType, failure) = BuildContext(schema, document, operationName, variables, options, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        using var timeout = CreateTimeout(options, ref cancellationToken, out var token);
        var run = new ExecutionContext(schema, context!.Operation, context.Fragments, context.Variables, options, token);
        try
        {
            ValueTask<object?> pending;
            using (SyncContextScope.Clear())
            {
                pending = RunAsync(run, ExecuteRoot(run, rootType!, options.RootValue));
            }

            var data = await pending.ConfigureAwait(false);
            return new ExecutionResult(data as ResultMap, run.TakeErrors());
        }
        catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.FromError("Execution timed out.", ErrorCodes.Timeout);
        }
    }

    internal static CancellationTokenSource? CreateTimeout(ExecutionOptions options, ref CancellationToken outer, out CancellationToken token)
    {
        if (options.Timeout is not { } timeout || timeout == Timeout.InfiniteTimeSpan)
        {
            token = outer;
            return null;
        }

        var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        cts.CancelAfter(timeout);
        token = cts.Token;
        return cts;
    }

    /// <summary>Selects the operation, coerces variables and finds the root type; returns a failure result on request errors.</summary>
    internal static (ExecutionContext? Context, ObjectType? RootType, ExecutionResult? Failure) BuildContext(
        Schema schema,
        DocumentNode document,
        string? operationName,
        IReadOnlyDictionary<string, object?>? variables,
        ExecutionOptions options,
        CancellationToken cancellationToken)
    {
        OperationDefinitionNode? operation = null;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode op:
                    if (operationName is null)
                    {
                        if (operation is not null)
                        {
                            return (null, null, ExecutionResult.FromError("Must provide operation name if query contains multiple operations.", ErrorCodes.OperationResolutionFailure));
                        }

                        operation = op;
                    }
                    else if (op.Name?.Value == operationName)
                    {
                        operation = op;
                    }

                    break;
                case FragmentDefinitionNode fragment:
                    fragments[fragment.Name.Value] = fragment;
                    break;
            }
        }

        if (operation is null)
        {
            return (null, null, ExecutionResult.FromError(
                operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".",
                ErrorCodes.OperationResolutionFailure));
        }

        var rootType = operation.Operation switch
        {
            OperationType.Query => schema.QueryType,
            OperationType.Mutation => schema.MutationType,
            _ => schema.SubscriptionType,
        };
        if (rootType is null)
        {
            var word = operation.Operation.ToString().ToLowerInvariant();
            return (null, null, ExecutionResult.FromErrors([new GraphQLError($"Schema is not configured to execute {word} operation.", [operation], extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.BadUserInput })]));
        }

        var errors = new List<GraphQLError>();
        var coerced = ValueCoercion.CoerceVariableValues(schema, operation.VariableDefinitions, variables, errors);
        if (coerced is null)
        {
            return (null, null, ExecutionResult.FromErrors(errors));
        }

        return (new ExecutionContext(schema, operation, fragments, coerced, options, cancellationToken), rootType, null);
    }

    private static ValueTask<object?> ExecuteRoot(ExecutionContext context, ObjectType rootType, object? rootValue)
    {
        var fields = FieldCollector.CollectFields(context.Schema, context.Fragments, context.Variables, rootType, context.Operation.SelectionSet);
        return context.Operation.Operation == OperationType.Mutation
            ? ExecuteFieldsSeriallyAsync(context, rootType, rootValue, fields)
            : ExecuteFields(context, rootType, rootValue, fields, null);
    }

    /// <summary>Awaits the tree, dispatching DataLoaders each time all running resolvers are waiting.</summary>
    internal static async ValueTask<object?> RunAsync(ExecutionContext context, ValueTask<object?> root)
    {
        object? result;
        if (root.IsCompletedSuccessfully)
        {
            result = root.Result;
        }
        else
        {
            var task = root.AsTask();
            Task? cancelled = null;
            while (!task.IsCompleted)
            {
                if (context.Dispatcher.HasPending)
                {
                    await context.Dispatcher.DispatchAllAsync().ConfigureAwait(false);
                    continue;
                }

                cancelled ??= context.CancellationToken.CanBeCanceled ? Task.Delay(Timeout.Infinite, context.CancellationToken) : null;
                var signal = context.Dispatcher.WaitForWorkAsync();
                await (cancelled is null ? Task.WhenAny(task, signal) : Task.WhenAny(task, signal, cancelled)).ConfigureAwait(false);
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            result = await task.ConfigureAwait(false);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        if (result is PropagatedNull propagated)
        {
            context.AddError(propagated.Error);
            return null;
        }

        return result;
    }

    private static FieldDefinition? GetFieldDefinition(Schema schema, ObjectType parentType, string fieldName)
    {
        if (fieldName.StartsWith("__", StringComparison.Ordinal))
        {
            if (fieldName == "__typename")
            {
                return IntrospectionTypes.TypeNameMetaField;
            }

            if (ReferenceEquals(parentType, schema.QueryType))
            {
                if (fieldName == "__schema")
                {
                    return IntrospectionTypes.SchemaMetaField;
                }

                if (fieldName == "__type")
                {
                    return IntrospectionTypes.TypeMetaField;
                }
            }
        }

        return parentType.GetField(fieldName);
    }

    /// <summary>ExecuteSelectionSet for queries: every field starts before any is awaited.</summary>
    internal static ValueTask<object?> ExecuteFields(ExecutionContext context, ObjectType type, object? source, IReadOnlyList<FieldGroup> fields, ResponsePath? path)
    {
        var map = new ResultMap(fields.Count);
        List<(int Slot, ValueTask<object?> Task)>? pending = null;
        PropagatedNull? bubbled = null;
        foreach (var group in fields)
        {
            var definition = GetFieldDefinition(context.Schema, type, group.FieldName);
            if (definition is null)
            {
                continue;
            }

            var slot = map.Add(group.ResponseKey);
            var value = definition.IsDefaultLeaf
                ? ExecuteDefaultLeaf(context, type, source, definition, group, path)
                : path is null
                    ? ExecuteRootField(context, type, source, definition, group)
                    : ExecuteField(context, type, source, definition, group, FieldPath(path, group.ResponseKey));
            if (value.IsCompletedSuccessfully)
            {
                var result = value.Result;
                if (result is PropagatedNull propagated)
                {
                    // The object is null now: like graphql-js, later fields are not executed.
                    bubbled = propagated;
                    break;
                }

                map.Set(slot, result);
            }
            else
            {
                (pending ??= []).Add((slot, value));
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ?? (object)map);
        }

        return AwaitFields(map, pending, bubbled);

        static async ValueTask<object?> AwaitFields(ResultMap map, List<(int Slot, ValueTask<object?> Task)> pending, PropagatedNull? bubbled)
        {
            // Pending fields precede the synchronous bubble (if any) in response order, so the first
            // pending one to propagate wins: the reported error is deterministic.
            PropagatedNull? first = null;
            foreach (var (slot, task) in pending)
            {
                var result = await task.ConfigureAwait(false);
                if (result is PropagatedNull propagated)
                {
                    first ??= propagated;
                }
                else
                {
                    map.Set(slot, result);
                }
            }

            return first ?? bubbled ?? (object)map;
        }
    }

    private static ResponsePath FieldPath(ResponsePath? parent, string responseKey) =>
        parent is null ? ResponsePath.Root(responseKey) : parent.Append(responseKey);

    /// <summary>
    /// ExecuteField for a default-resolved field without arguments whose type is a scalar or enum (most fields of
    /// most objects): the value is read from the parent and serialized here. The <see cref="ResolveContext"/>
    /// and response path that resolvers and nested completion need are only made for an error, which keeps
    /// two allocations per leaf off every response. Results and errors are those of <see cref="ExecuteField"/>.
    /// </summary>
    private static ValueTask<object?> ExecuteDefaultLeaf(ExecutionContext context, ObjectType parentType, object? source, FieldDefinition definition, FieldGroup group, ResponsePath? parentPath)
    {
        var type = definition.Type;
        try
        {
            var result = definition.SourceReader!(source);
            if (result is Task)
            {
                // A task-valued member completes through the general path, which awaits it.
                var path = FieldPath(parentPath, group.ResponseKey);
                var resolveContext = new ResolveContext(context, source, parentType, definition, group.Nodes, null, path);
                return CompleteValueCatching(context, type, resolveContext, path, result);
            }

            if (result is null)
            {
                return new ValueTask<object?>(type is NonNullType
                    ? new PropagatedNull(NonNullError(parentType, definition.Name, group.Nodes, FieldPath(parentPath, group.ResponseKey)))
                    : null);
            }

            return new ValueTask<object?>(CompleteLeaf(type is NonNullType nonNull ? nonNull.OfType : type, result));
        }
        catch (Exception ex)
        {
            return new ValueTask<object?>(HandleFieldError(context, ex, type, group.Nodes, FieldPath(parentPath, group.ResponseKey)));
        }
    }

    /// <summary>ExecuteSelectionSet for mutations: each root field completes before the next starts.</summary>
    private static async ValueTask<object?> ExecuteFieldsSeriallyAsync(ExecutionContext context, ObjectType type, object? source, IReadOnlyList<FieldGroup> fields)
    {
        var map = new ResultMap(fields.Count);
        foreach (var group in fields)
        {
            var definition = GetFieldDefinition(context.Schema, type, group.FieldName);
            if (definition is null)
            {
                continue;
            }

            var slot = map.Add(group.ResponseKey);
            var result = await ExecuteRootField(context, type, source, definition, group).ConfigureAwait(false);
            if (result is PropagatedNull)
            {
                return result;
            }

            map.Set(slot, result);
        }

        return map;
    }

    /// <summary>
    /// ExecuteField for a root field, inside a resolver span when traces are listened to. Only root fields get one:
    /// their resolvers do the I/O, while nested fields read their parent or wait for a DataLoader batch (whose
    /// database spans fall under the operation span), so a span per nested field would cost much and tell little.
    /// </summary>
    private static ValueTask<object?> ExecuteRootField(ExecutionContext context, ObjectType type, object? source, FieldDefinition definition, FieldGroup group)
    {
        var previous = Activity.Current;
        var activity = GraphQLTelemetry.StartResolver(type, definition, group.ResponseKey);
        var path = ResponsePath.Root(group.ResponseKey);
        if (activity is null)
        {
            return ExecuteField(context, type, source, definition, group, path);
        }

        ValueTask<object?> value;
        try
        {
            value = ExecuteField(context, type, source, definition, group, path);
        }
        finally
        {
            // The resolver's own continuations keep its span; the fields after it are siblings, not children.
            Activity.Current = previous;
        }

        if (value.IsCompletedSuccessfully)
        {
            activity.Dispose();
            return value;
        }

        return StopWhenDone(value, activity);

        static async ValueTask<object?> StopWhenDone(ValueTask<object?> value, Activity activity)
        {
            try
            {
                return await value.ConfigureAwait(false);
            }
            finally
            {
                activity.Dispose();
            }
        }
    }

    /// <summary>ExecuteField: coerce arguments, resolve, complete. Never throws; errors become field errors.</summary>
    internal static ValueTask<object?> ExecuteField(ExecutionContext context, ObjectType parentType, object? source, FieldDefinition definition, FieldGroup group, ResponsePath path)
    {
        var nodes = group.Nodes;
        IReadOnlyDictionary<string, object?>? arguments = null;
        ValueTask<object?> resolved;
        ResolveContext resolveContext;
        try
        {
            if (definition.Arguments.Count > 0)
            {
                arguments = ValueCoercion.CoerceArgumentValues(definition.Arguments, nodes[0].Arguments, context.Variables);
            }

            resolveContext = new ResolveContext(context, source, parentType, definition, nodes, arguments, path);
            resolved = definition.Resolver is { } resolver
                ? resolver(resolveContext)
                : new ValueTask<object?>(MemberAccessors.Read(source, definition.Name));
        }
        catch (Exception ex)
        {
            return new ValueTask<object?>(HandleFieldError(context, ex, definition.Type, nodes, path));
        }

        if (resolved.IsCompletedSuccessfully)
        {
            return CompleteValueCatching(context, definition.Type, resolveContext, path, resolved.Result);
        }

        return AwaitResolver(context, definition.Type, resolveContext, path, resolved);

        static async ValueTask<object?> AwaitResolver(ExecutionContext context, GraphQLType type, ResolveContext resolveContext, ResponsePath path, ValueTask<object?> resolved)
        {
            object? result;
            try
            {
                result = await resolved.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return HandleFieldError(context, ex, type, resolveContext.FieldNodes, path);
            }

            return await CompleteValueCatching(context, type, resolveContext, path, result).ConfigureAwait(false);
        }
    }

    internal static ValueTask<object?> CompleteValueCatching(ExecutionContext context, GraphQLType type, ResolveContext field, ResponsePath path, object? result)
    {
        try
        {
            var completed = CompleteValue(context, type, field, path, result);
            if (!completed.IsCompletedSuccessfully)
            {
                return AwaitCompletion(context, type, field, path, completed);
            }

            // A propagated null stops at the first nullable position.
            var value = completed.Result;
            return new ValueTask<object?>(Absorb(context, type, value));
        }
        catch (Exception ex)
        {
            return new ValueTask<object?>(HandleFieldError(context, ex, type, field.FieldNodes, path));
        }

        static async ValueTask<object?> AwaitCompletion(ExecutionContext context, GraphQLType type, ResolveContext field, ResponsePath path, ValueTask<object?> completed)
        {
            try
            {
                var value = await completed.ConfigureAwait(false);
                return Absorb(context, type, value);
            }
            catch (Exception ex)
            {
                return HandleFieldError(context, ex, type, field.FieldNodes, path);
            }
        }
    }

    /// <summary>A nullable position absorbs a propagated null: its error is recorded and the value becomes null.</summary>
    private static object? Absorb(ExecutionContext context, GraphQLType type, object? value)
    {
        if (value is PropagatedNull propagated && type is not NonNullType)
        {
            context.AddError(propagated.Error);
            return null;
        }

        return value;
    }

    /// <summary>Records a field error and returns null, or propagates it when the position is non-null.</summary>
    private static PropagatedNull? HandleFieldError(ExecutionContext context, Exception exception, GraphQLType type, IReadOnlyList<FieldNode> nodes, ResponsePath path)
    {
        var error = ErrorFactory.FromException(exception, nodes, path, context);
        if (type is NonNullType)
        {
            return new PropagatedNull(error);
        }

        context.AddError(error);
        return null;
    }

    private static ValueTask<object?> CompleteValue(ExecutionContext context, GraphQLType type, ResolveContext field, ResponsePath path, object? result)
    {
        if (result is Task task)
        {
            return AwaitTaskResult(context, type, field, path, task);
        }

        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(context, nonNull.OfType, field, path, result);
            if (!inner.IsCompletedSuccessfully)
            {
                return CheckNonNullAsync(context, field, path, inner);
            }

            return new ValueTask<object?>(CheckNonNull(context, field, path, inner.Result));
        }

        if (result is null)
        {
            return new ValueTask<object?>((object?)null);
        }

        switch (type)
        {
            case ScalarType or EnumType:
                return new ValueTask<object?>(CompleteLeaf(type, result));
            case ListType list:
                return CompleteList(context, list.OfType, field, path, result);
            case ObjectType objectType:
                return ExecuteFields(context, objectType, result, context.CollectSubFields(objectType, field.FieldNodes), path);
            default:
                var runtimeType = ResolveRuntimeType(context, (NamedType)type, field, result);
                return ExecuteFields(context, runtimeType, result, context.CollectSubFields(runtimeType, field.FieldNodes), path);
        }
    }

    /// <summary>Serializes a non-null scalar or enum value (CompleteValue for leaf types).</summary>
    private static object CompleteLeaf(GraphQLType type, object result) => type switch
    {
        ScalarType scalar => scalar.Serialize(result)
            ?? throw new GraphQLException($"Expected `{scalar.Name}.serialize({Inspector.Inspect(result)})` to return non-nullable value, returned: null"),
        EnumType enumType => enumType.GetValueByInternal(result)?.Name
            ?? throw new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {Inspector.Inspect(result)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a leaf type."),
    };

    private static object? CheckNonNull(ExecutionContext context, ResolveContext field, ResponsePath path, object? value)
    {
        if (value is null)
        {
            return new PropagatedNull(NonNullError(field.ParentType, field.FieldName, field.FieldNodes, path));
        }

        return value;
    }

    private static GraphQLError NonNullError(ObjectType parentType, string fieldName, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        new($"Cannot return null for non-nullable field {parentType.Name}.{fieldName}.", nodes, path.ToList());

    private static async ValueTask<object?> CheckNonNullAsync(ExecutionContext context, ResolveContext field, ResponsePath path, ValueTask<object?> inner)
        => CheckNonNull(context, field, path, await inner.ConfigureAwait(false));

    private static async ValueTask<object?> AwaitTaskResult(ExecutionContext context, GraphQLType type, ResolveContext field, ResponsePath path, Task task)
    {
        await task.ConfigureAwait(false);
        return await CompleteValue(context, type, field, path, TaskResults.GetResult(task)).ConfigureAwait(false);
    }

    private static ValueTask<object?> CompleteList(ExecutionContext context, GraphQLType itemType, ResolveContext field, ResponsePath path, object result)
    {
        if (result is string || result is not IEnumerable enumerable || ValueCoercion.IsMap(result))
        {
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.FieldName}\".");
        }

        var items = enumerable is ICollection collection ? new List<object?>(collection.Count) : [];
        foreach (var item in enumerable)
        {
            items.Add(item);
        }

        var completed = new object?[items.Count];
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        PropagatedNull? bubbled = null;
        for (var i = 0; i < completed.Length; i++)
        {
            var value = CompleteValueCatching(context, itemType, field, path.Append(i), items[i]);
            if (!value.IsCompletedSuccessfully)
            {
                (pending ??= []).Add((i, value));
                continue;
            }

            var itemResult = value.Result;
            if (itemResult is PropagatedNull propagated)
            {
                bubbled = propagated;
                break;
            }

            completed[i] = itemResult;
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ?? (object)completed);
        }

        return AwaitItems(completed, pending, bubbled);

        static async ValueTask<object?> AwaitItems(object?[] completed, List<(int Index, ValueTask<object?> Task)> pending, PropagatedNull? bubbled)
        {
            PropagatedNull? first = null;
            foreach (var (index, task) in pending)
            {
                var value = await task.ConfigureAwait(false);
                if (value is PropagatedNull propagated)
                {
                    first ??= propagated;
                }
                else
                {
                    completed[index] = value;
                }
            }

            return first ?? bubbled ?? (object)completed;
        }
    }

    private static ObjectType ResolveRuntimeType(ExecutionContext context, NamedType abstractType, ResolveContext field, object result)
    {
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        var name = resolver?.Invoke(result, field);
        if (name is null && result is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault("__typename") is string typename)
        {
            name = typename;
        }
        else if (name is null && result is IDictionary<string, object?> dict && dict.TryGetValue("__typename", out var t) && t is string typename2)
        {
            name = typename2;
        }

        if (name is null)
        {
            var possible = context.Schema.GetPossibleTypes(abstractType);
            foreach (var candidate in possible)
            {
                if (candidate.IsTypeOf is { } isTypeOf && isTypeOf(result))
                {
                    return candidate;
                }
            }

            var clrName = result.GetType().Name;
            foreach (var candidate in possible)
            {
                if (candidate.IsTypeOf is null && candidate.Name == clrName)
                {
                    return candidate;
                }
            }

            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.FieldName}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        var runtimeType = context.Schema.GetType(name);
        if (runtimeType is null)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        }

        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{name}\".");
        }

        if (!context.Schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLException($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return objectType;
    }
}
