using Npgsql;

namespace MakerMap.Data.Internal;

/// <summary>
/// Runs a write transaction again when PostgreSQL aborted it for a deadlock (40P01) or a serialization
/// failure (40001): both mean "nothing was written, the same transaction may succeed now". The
/// writes take their locks in one order (the resource row first), so these should be rare; a bounded
/// number of attempts keeps a pathological case from looping, and the caller answers a typed,
/// retryable failure instead of an internal error.
/// </summary>
internal static class TransientRetry
{
    /// <summary>How many times a transaction runs at most.</summary>
    public const int MaxAttempts = 4;

    /// <summary>
    /// <paramref name="attempt"/>'s result, run up to <see cref="MaxAttempts"/> times while it fails
    /// transiently; <paramref name="exhausted"/>'s result when every attempt did.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, Func<T> exhausted, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (IsTransient(e))
            {
                if (n == MaxAttempts)
                {
                    return exhausted();
                }
            }
            // A short, growing and jittered pause lets the other transaction finish first.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * n), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deadlock detected or serialization failure.</summary>
    public static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
