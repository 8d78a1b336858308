using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using Npgsql;

namespace MakerMap.Api.Schema;

/// <summary>
/// Keeps one request from draining the connection pool, and a drained pool from looking like a bug.
/// Root query fields run in parallel, so a document of 200 aliases asked for 200 connections at once;
/// here each request lets <c>DatabaseConcurrencyPerRequest</c> of its root fields run at a time (the
/// DataLoaders below them batch per level anyway). A pool that still runs dry, or a statement that times
/// out, becomes the retryable GraphQL error <c>SERVICE_BUSY</c> instead of <c>INTERNAL_SERVER_ERROR</c>.
/// </summary>
public static class DatabaseGate
{
    /// <summary>The <c>extensions.code</c> of a request the database could not serve now; retrying later may succeed.</summary>
    public const string ServiceBusy = "SERVICE_BUSY";

    private const string GateKey = "makermap:database-gate";

    /// <summary>Limits the root query fields of one request to <paramref name="perRequest"/> at a time.</summary>
    public static SchemaBuilder GateDatabaseUse(this SchemaBuilder builder, int perRequest)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(perRequest, 1);
        return builder.WrapResolvers((type, _, resolver) => type.Name == "Query" ? context => GatedAsync(context, resolver, perRequest) : resolver);
    }

    /// <summary>A <c>SERVICE_BUSY</c> error for an exhausted pool or a timed-out statement; null for anything else.</summary>
    public static GraphQLException? MapException(Exception exception) =>
        IsBusy(exception)
            ? new GraphQLException("The database is busy; retry in a moment.", ServiceBusy, new Dictionary<string, object?> { ["retryable"] = true })
            : null;

    /// <summary>
    /// Npgsql reports an exhausted pool (no connection within the connection string's <c>Timeout</c>) and a
    /// command timeout as an <see cref="NpgsqlException"/> caused by a <see cref="TimeoutException"/>.
    /// </summary>
    public static bool IsBusy(Exception exception) =>
        exception is NpgsqlException { InnerException: TimeoutException } and not PostgresException;

    private static async ValueTask<object?> GatedAsync(ResolveContext context, FieldResolver resolver, int perRequest)
    {
        var gate = context.GetOrAddLoader(GateKey, _ => new SemaphoreSlim(perRequest, perRequest));
        await gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            return await resolver(context).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
