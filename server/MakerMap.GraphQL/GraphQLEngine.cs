using System.Diagnostics;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL;

/// <summary>
/// The engine's entry point for one schema: parse + validate (with an LRU cache of documents keyed by
/// query text), then execute or subscribe. Thread-safe; create one per schema and share it.
/// </summary>
public sealed class GraphQLEngine
{
    private static readonly IReadOnlyDictionary<string, object?> ParseFailedCode = new Dictionary<string, object?> { ["code"] = ErrorCodes.ParseFailed };
    private static readonly IReadOnlyDictionary<string, object?> OperationCode = new Dictionary<string, object?> { ["code"] = ErrorCodes.OperationResolutionFailure };
    private readonly DocumentCache<CachedDocument> _cache;

    /// <summary>Creates an engine for <paramref name="schema"/>.</summary>
    public GraphQLEngine(Schema schema, GraphQLEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? new GraphQLEngineOptions();
        _cache = new DocumentCache<CachedDocument>(Options.DocumentCacheSize);
    }

    /// <summary>The schema.</summary>
    public Schema Schema { get; }

    /// <summary>The options.</summary>
    public GraphQLEngineOptions Options { get; }

    /// <summary>Parses and validates <paramref name="query"/> (cached by text) and selects the operation.</summary>
    public PreparedRequest Prepare(string? query, string? operationName)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new PreparedRequest(PreparedRequestStatus.MissingQuery, [new GraphQLError("Must provide query string.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.MissingQuery })]);
        }

        if (!_cache.TryGet(query, out var cached))
        {
            cached = ParseAndValidate(query);
            _cache.Add(query, cached);
        }

        if (cached!.Status != PreparedRequestStatus.Ok)
        {
            return new PreparedRequest(cached.Status, cached.Errors, cached.Document);
        }

        var document = cached.Document!;
        OperationDefinitionNode? operation = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode op)
            {
                continue;
            }

            if (operationName is null)
            {
                if (operation is not null)
                {
                    return OperationNotFound(document, "Must provide operation name if query contains multiple operations.");
                }

                operation = op;
            }
            else if (op.Name?.Value == operationName)
            {
                operation = op;
                break;
            }
        }

        if (operation is null)
        {
            return OperationNotFound(document, operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".");
        }

        return new PreparedRequest(PreparedRequestStatus.Ok, [], document, operation);
    }

    /// <summary>Prepares and executes a query or mutation.</summary>
    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(Prepare(request.Query, request.OperationName), request, cancellationToken);
    }

    /// <summary>Executes a prepared query or mutation with the request's variables, services and user context.</summary>
    public Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        if (prepared.Status != PreparedRequestStatus.Ok)
        {
            return Task.FromResult(ExecutionResult.FromErrors(prepared.Errors));
        }

        if (prepared.OperationType == OperationType.Subscription)
        {
            return Task.FromResult(ExecutionResult.FromError("Subscription operations must be executed with SubscribeAsync (over WebSocket).", ErrorCodes.BadUserInput));
        }

        if (!GraphQLTelemetry.IsEnabled)
        {
            return Executor.ExecuteAsync(Schema, prepared.Document!, prepared.OperationName ?? request.OperationName, request.Variables, ToOptions(request), cancellationToken);
        }

        return ExecuteObservedAsync(prepared, request, cancellationToken);
    }

    /// <summary>Execution inside the operation span, timed for the duration histogram (only when someone listens).</summary>
    private async Task<ExecutionResult> ExecuteObservedAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken)
    {
        var type = prepared.OperationType!.Value;
        var start = Stopwatch.GetTimestamp();
        using var activity = GraphQLTelemetry.StartOperation(type, prepared.OperationName, Options.RecordDocumentInTraces ? request.Query : null);
        ExecutionResult? result = null;
        try
        {
            result = await Executor.ExecuteAsync(Schema, prepared.Document!, prepared.OperationName ?? request.OperationName, request.Variables, ToOptions(request), cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            GraphQLTelemetry.RecordOperation(type, prepared.OperationName, start, result, activity);
        }
    }

    /// <summary>Starts a subscription: an error result or a stream of results (one per source event).</summary>
    public Task<SubscriptionResult> SubscribeAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        if (prepared.Status != PreparedRequestStatus.Ok)
        {
            return Task.FromResult(SubscriptionResult.FromResult(ExecutionResult.FromErrors(prepared.Errors)));
        }

        return Executor.SubscribeAsync(Schema, prepared.Document!, prepared.OperationName ?? request.OperationName, request.Variables, ToOptions(request), ct);
    }

    private static PreparedRequest OperationNotFound(DocumentNode document, string message)
        => new(PreparedRequestStatus.OperationNotFound, [new GraphQLError(message, extensions: OperationCode)], document);

    private ExecutionOptions ToOptions(GraphQLRequest request) => new()
    {
        RootValue = Options.RootValue,
        Services = request.Services,
        UserContext = request.UserContext,
        RequestExtensions = request.Extensions,
        Timeout = Options.ExecutionTimeout,
        OnUnexpectedError = Options.OnUnexpectedError,
        MapException = Options.MapException,
    };

    private CachedDocument ParseAndValidate(string query)
    {
        if (query.Length > Options.MaxDocumentLength)
        {
            return new CachedDocument(PreparedRequestStatus.ParseFailed, null, [new GraphQLError($"Syntax Error: Document exceeds the maximum length of {Options.MaxDocumentLength} characters.", extensions: ParseFailedCode)]);
        }

        DocumentNode document;
        try
        {
            document = Parser.Parse(query, Options.Parser);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return new CachedDocument(PreparedRequestStatus.ParseFailed, null, [new GraphQLError(ex.Message, [new SourceLocation(ex.Line, ex.Column)], extensions: ParseFailedCode)]);
        }
        catch (InsufficientExecutionStackException)
        {
            return new CachedDocument(PreparedRequestStatus.ParseFailed, null, [new GraphQLError("Syntax Error: Document is too deeply nested.", extensions: ParseFailedCode)]);
        }

        var errors = DocumentValidator.Validate(Schema, document, Options.Validation);
        return errors.Count > 0
            ? new CachedDocument(PreparedRequestStatus.ValidationFailed, document, errors)
            : new CachedDocument(PreparedRequestStatus.Ok, document, []);
    }

    private sealed record CachedDocument(PreparedRequestStatus Status, DocumentNode? Document, IReadOnlyList<GraphQLError> Errors);
}
