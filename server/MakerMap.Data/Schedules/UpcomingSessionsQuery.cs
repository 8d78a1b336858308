using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Schedules;

/// <summary>A materialised session (e.g. a repair café afternoon) at a place.</summary>
/// <param name="PlaceId">Where it happens.</param>
/// <param name="SlotId">The slot row.</param>
/// <param name="ScheduleId">The schedule it came from.</param>
/// <param name="Title">The schedule's title.</param>
/// <param name="Start">Inclusive start (UTC).</param>
/// <param name="End">Exclusive end (UTC).</param>
/// <param name="Capacity">Places available.</param>
/// <param name="IsVerified">Whether the organiser confirmed the schedule.</param>
public sealed record Session(Guid PlaceId, Guid SlotId, Guid ScheduleId, string Title, DateTimeOffset Start, DateTimeOffset End,
    int Capacity, bool IsVerified);

/// <summary>The next sessions of places, from the <see cref="TimeProvider"/>'s now (ongoing ones included).</summary>
public sealed class UpcomingSessionsQuery(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>The next <paramref name="first"/> sessions of one place, earliest first.</summary>
    public async Task<IReadOnlyList<Session>> ListAsync(Guid placeId, int first, CancellationToken cancellationToken)
    {
        var byPlace = await ListForPlacesAsync([placeId], first, cancellationToken).ConfigureAwait(false);
        return byPlace.TryGetValue(placeId, out var sessions) ? sessions : [];
    }

    /// <summary>The next <paramref name="first"/> sessions of each place in one query (for a DataLoader).</summary>
    /// <exception cref="DataValidationException"><paramref name="first"/> is not between 1 and 100.</exception>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Session>>> ListForPlacesAsync(
        IReadOnlyCollection<Guid> placeIds, int first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placeIds);
        Internal.Guard.Range(first, 1, 100, "first");
        var result = new Dictionary<Guid, List<Session>>();
        await using (var command = dataSource.CreateCommand(ScheduleSql.FindUpcomingSessions))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("place_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. placeIds] });
            command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = timeProvider.GetUtcNow().UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = first });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var session = new Session(
                    reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(4)), new DateTimeOffset(reader.GetFieldValue<DateTime>(5)),
                    reader.GetInt32(6), reader.GetBoolean(7));
                if (!result.TryGetValue(session.PlaceId, out var list))
                {
                    result[session.PlaceId] = list = [];
                }
                list.Add(session);
            }
        }
        return result.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Session>)pair.Value);
    }
}
