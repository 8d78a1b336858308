using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MakerMap.Data.Live;

/// <summary>
/// Holds one dedicated connection that LISTENs for the database's change notifications and hands each
/// one to a callback. When the connection is lost it reconnects with exponential backoff; after every
/// reconnect it reports that notifications may have been missed, so callers can re-send current state.
/// </summary>
public sealed partial class LiveChangeListener
{
    /// <summary>The notification channel the triggers of migration 0010 write to.</summary>
    public const string Channel = "makermap_live";

    private const string ListenSql = "LISTEN " + Channel;

    private readonly string _connectionString;
    private readonly ILogger _logger;

    /// <summary>Listens on the database of <paramref name="connectionString"/>.</summary>
    public LiveChangeListener(string connectionString, ILogger<LiveChangeListener>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Its own unpooled connection: a pooled one would be reset (UNLISTEN) when returned. Keepalives make
        // a connection that died silently (network, failover) fail the wait instead of hanging in it.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "makermap-live",
        }.ConnectionString;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>First delay before reconnecting; it doubles per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between reconnection attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> is cancelled. <paramref name="onChange"/> runs on the
    /// listening thread and must not block. <paramref name="onListening"/> runs each time LISTEN is in place,
    /// with true when notifications may have been missed before it (any connection after a failure).
    /// </summary>
    public async Task RunAsync(Action<LiveChange> onChange, Action<bool> onListening, Action onLost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ArgumentNullException.ThrowIfNull(onListening);
        ArgumentNullException.ThrowIfNull(onLost);
        var failures = 0;
        var missedSome = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                connection.Notification += (_, e) =>
                {
                    if (LiveChange.TryParse(e.Payload, out var change))
                    {
                        onChange(change);
                    }
                    else
                    {
                        LogMalformed(_logger, e.Payload);
                    }
                };
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand(ListenSql, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                if (failures > 0)
                {
                    LogListeningAgain(_logger, failures);
                }
                failures = 0;
                onListening(missedSome);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever broke the connection, the listener must outlive it: reconnecting is the remedy.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                missedSome = true;
                failures++;
                onLost();
                var delay = Backoff(failures);
                LogLost(_logger, exception.Message, (int)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Exponential with up to 20 % jitter, so instances that lost the database together do not reconnect in step.
    private TimeSpan Backoff(int failures)
    {
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
#pragma warning restore CA5394
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed live notification: {Payload}")]
    private static partial void LogMalformed(ILogger logger, string payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live notifications: listening again after {Failures} failed attempt(s)")]
    private static partial void LogListeningAgain(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live notifications: connection lost ({Reason}); reconnecting in {DelayMs} ms")]
    private static partial void LogLost(ILogger logger, string reason, int delayMs);
}
