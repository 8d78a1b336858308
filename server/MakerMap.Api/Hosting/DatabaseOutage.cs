using System.Runtime.CompilerServices;
using Npgsql;

namespace MakerMap.Api.Hosting;

/// <summary>
/// Tells a database outage (the server cannot reach PostgreSQL, or PostgreSQL refuses work) from other failures,
/// and logs it once per incident: the first failure with its exception, a summary at most once a minute while it
/// lasts, and a line when a probe reaches the database again. Requests during the outage are answered 503 with
/// <c>Retry-After</c> (<see cref="FailureResponses"/>), not with a stack trace each.
/// </summary>
public sealed partial class DatabaseOutage(NpgsqlDataSource dataSource, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DatabaseOutage> logger)
{
    /// <summary>What clients are told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    // The same exception can reach us twice (a resolver's, then the transport rethrows it to the pipeline).
    private readonly ConditionalWeakTable<Exception, object?> _counted = [];
    private readonly Lock _lock = new();
    private DateTimeOffset? _since;
    private DateTimeOffset _lastSummary;
    private long _failures;

    /// <summary>Whether an outage is under way (a failure was seen and no probe has reached the database since).</summary>
    public bool IsOngoing
    {
        get
        {
            lock (_lock)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) means the database is unreachable or refuses work:
    /// no connection could be opened or it broke, the server is shutting down or starting, has no connection slot
    /// left, or the database is gone. Errors of a statement (constraints, syntax, serialization) are not outages.
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsOutageState(postgres.SqlState);
                case NpgsqlOperationInProgressException:
                    return false;
                case NpgsqlException:
                    // No error from the server: the connection could not be opened, broke or timed out.
                    return true;
            }
        }
        return false;
    }

    // https://www.postgresql.org/docs/15/errcodes-appendix.html
    private static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)  // connection exception
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InvalidCatalogName
            or PostgresErrorCodes.DatabaseDropped;

    /// <summary>Records a failure caused by an outage; the first of an incident is logged with its exception.</summary>
    public void ReportFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!_counted.TryAdd(exception, null))
        {
            return;
        }
        var now = time.GetUtcNow();
        bool first;
        bool summarise = false;
        long failures;
        TimeSpan duration;
        lock (_lock)
        {
            failures = ++_failures;
            first = _since is null;
            if (first)
            {
                _since = now;
                _lastSummary = now;
            }
            else if (now - _lastSummary >= SummaryInterval)
            {
                summarise = true;
                _lastSummary = now;
            }
            duration = now - _since!.Value;
        }
        if (first)
        {
            LogOutageStarted(logger, exception);
            // Idle pooled connections are most likely dead too; without this each would fail one request after recovery.
            dataSource.Clear();
            _ = ProbeUntilReachableAsync(lifetime.ApplicationStopping);
        }
        else if (summarise)
        {
            LogOutageContinues(logger, duration.TotalSeconds, failures);
        }
    }

    private async Task ProbeUntilReachableAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProbeInterval, time, stopping).ConfigureAwait(false);
                if (await IsReachableAsync(stopping).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        long failures;
        TimeSpan duration;
        lock (_lock)
        {
            failures = _failures;
            duration = time.GetUtcNow() - _since!.Value;
            _failures = 0;
            _since = null;
        }
        LogOutageEnded(logger, duration.TotalSeconds, failures);
    }

    private async Task<bool> IsReachableAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsOutage(e) || (e is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable: answering 503 until it is reachable again (further failures are counted, not logged)")]
    private static partial void LogOutageStarted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database still unavailable after {Seconds:F0} s; {Failures} failed request(s) so far")]
    private static partial void LogOutageContinues(ILogger logger, double seconds, long failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reachable again after {Seconds:F1} s; {Failures} request(s) failed meanwhile")]
    private static partial void LogOutageEnded(ILogger logger, double seconds, long failures);
}
