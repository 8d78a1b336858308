namespace MakerMap.GraphQL.Execution;

/// <summary>Inputs of one execution besides the document: root value, services, user context, limits.</summary>
public sealed class ExecutionOptions
{
    /// <summary>The root value passed as the source of root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>The request's service provider.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The request's user context (e.g. a <c>ClaimsPrincipal</c>).</summary>
    public object? UserContext { get; init; }

    /// <summary>The request's <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? RequestExtensions { get; init; }

    /// <summary>Called with each unexpected resolver exception (for logging); clients only see "Unexpected error.".</summary>
    public Action<Exception, ResponsePath>? OnUnexpectedError { get; init; }

    /// <summary>
    /// Turns an unexpected resolver exception into a typed error the client may see (e.g. an exhausted
    /// database pool into a retryable <c>SERVICE_BUSY</c>); <see langword="null"/> keeps it unexpected.
    /// </summary>
    public Func<Exception, GraphQLException?>? MapException { get; init; }

    /// <summary>Execution timeout; <see langword="null"/> or infinite disables it.</summary>
    public TimeSpan? Timeout { get; init; }
}
