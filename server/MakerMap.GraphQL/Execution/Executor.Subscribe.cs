using System.Runtime.CompilerServices;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

public static partial class Executor
{
    /// <summary>
    /// Subscribe (https://spec.graphql.org/September2025/#sec-Subscription): creates the source stream of the
    /// single root field and maps each event to a response by executing the selection set with the event as root.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(
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
            return SubscriptionResult.FromResult(failure);
        }

        if (context!.Operation.Operation != OperationType.Subscription)
        {
            return SubscriptionResult.FromResult(ExecutionResult.FromError("Only subscription operations can be subscribed to.", ErrorCodes.BadUserInput));
        }

        var fields = FieldCollector.CollectFields(schema, context.Fragments, context.Variables, rootType!, context.Operation.SelectionSet);
        if (fields.Count == 0)
        {
            return SubscriptionResult.FromResult(ExecutionResult.FromError("Subscription operation must select a field.", ErrorCodes.BadUserInput));
        }

        var group = fields[0];
        var definition = rootType!.GetField(group.FieldName);
        var path = ResponsePath.Root(group.ResponseKey);
        if (definition is null)
        {
            return SubscriptionResult.FromResult(ExecutionResult.FromErrors([new GraphQLError($"The subscription field \"{group.FieldName}\" is not defined.", group.Nodes, path.ToList())]));
        }

        IAsyncEnumerable<object?> source;
        try
        {
            var arguments = definition.Arguments.Count > 0
                ? ValueCoercion.CoerceArgumentValues(definition.Arguments, group.Nodes[0].Arguments, context.Variables)
                : null;
            var resolveContext = new ResolveContext(context, options.RootValue, rootType, definition, group.Nodes, arguments, path);
            if (definition.StreamResolver is null)
            {
                throw new GraphQLException($"Subscription field \"{rootType.Name}.{definition.Name}\" has no source stream.");
            }

            source = await definition.StreamResolver(resolveContext).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SubscriptionResult.FromResult(ExecutionResult.FromErrors([ErrorFactory.FromException(ex, group.Nodes, path, context)]));
        }

        return SubscriptionResult.FromStream(MapSourceToResponse(context, rootType, fields, source, cancellationToken));
    }

    private static async IAsyncEnumerable<ExecutionResult> MapSourceToResponse(
        ExecutionContext subscription,
        ObjectType rootType,
        IReadOnlyList<FieldGroup> fields,
        IAsyncEnumerable<object?> source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Each event runs as its own execution: fresh errors and DataLoader caches.
            var options = subscription.Options;
            using var timeout = CreateTimeout(options, ref cancellationToken, out var token);
            var context = new ExecutionContext(subscription.Schema, subscription.Operation, subscription.Fragments, subscription.Variables, options, token);
            ExecutionResult result;
            try
            {
                ValueTask<object?> pending;
                using (SyncContextScope.Clear())
                {
                    pending = RunAsync(context, ExecuteFields(context, rootType, item, fields, null));
                }

                var data = await pending.ConfigureAwait(false);
                result = new ExecutionResult(data as ResultMap, context.TakeErrors());
            }
            catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                result = ExecutionResult.FromError("Execution timed out.", ErrorCodes.Timeout);
            }

            yield return result;
        }
    }
}
