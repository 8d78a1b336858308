using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL;

/// <summary>Limits and settings of a <see cref="GraphQLEngine"/>; every limit is on by default.</summary>
public sealed record GraphQLEngineOptions
{
    /// <summary>Parser limits (tokens, nesting).</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Maximum document length in characters.</summary>
    public int MaxDocumentLength { get; init; } = 100_000;

    /// <summary>Validation limits (depth, aliases, cost) and rules.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>Execution timeout; <see langword="null"/> disables it.</summary>
    public TimeSpan? ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many parsed and validated documents to keep (LRU, keyed by query text); 0 disables the cache.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>The root value passed to root resolvers.</summary>
    public object? RootValue { get; init; }

    /// <summary>See <see cref="ExecutionOptions.MapException"/>: typed errors for known infrastructure failures.</summary>
    public Func<Exception, GraphQLException?>? MapException { get; init; }

    /// <summary>
    /// Whether the operation span carries the query text as <c>graphql.document</c>. Off by default: a document may
    /// hold literal arguments (an e-mail address, a password) that must not reach a trace store. Variables are never recorded.
    /// </summary>
    public bool RecordDocumentInTraces { get; init; }

    /// <summary>Called with each unexpected resolver exception (for logging).</summary>
    public Action<Exception, ResponsePath>? OnUnexpectedError { get; init; }
}
