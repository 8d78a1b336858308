using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Bookings;

/// <summary>
/// The reasons given when bookings were cancelled (migration 0013), batched for a DataLoader. Read
/// apart from <see cref="Booking"/> so every query that returns bookings need not carry the column.
/// </summary>
public sealed class CancellationReasons(NpgsqlDataSource dataSource)
{
    private const string Sql = "SELECT id, cancellation_reason FROM bookings WHERE id = ANY(@ids) AND cancellation_reason IS NOT NULL";

    /// <summary>The reason per booking id; bookings without one are missing.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ByIdsAsync(IReadOnlyList<Guid> bookingIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. bookingIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var reasons = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reasons[reader.GetGuid(0)] = reader.GetString(1);
        }
        return reasons;
    }
}
