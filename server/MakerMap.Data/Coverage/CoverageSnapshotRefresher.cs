using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Coverage;

/// <summary>
/// Rebuilds <c>coverage_snapshots</c>: per municipality, sub-area level and distance, the residents and
/// the residents within that distance of a place. Idempotent (an upsert keyed on all three).
/// </summary>
public sealed class CoverageSnapshotRefresher(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private static readonly string RefreshSql = EmbeddedSql.Load("Coverage/refresh_coverage_snapshots.sql");

    /// <summary>The distances the nightly snapshot reports, in metres.</summary>
    public static readonly IReadOnlyList<int> DefaultDistances = [500, 1000];

    /// <summary>Recomputes the snapshot rows; returns how many were written.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RefreshSql);
        // the spatial join over every sector can take longer than the default 30 s on a small machine
        command.CommandTimeout = 600;
        command.Parameters.Add(new NpgsqlParameter<int[]>("distances", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. DefaultDistances] });
        command.Parameters.AddInstant("now", timeProvider.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
