using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Schedules;

/// <summary>Reads schedules as stored, by id or by resource (batched for DataLoaders).</summary>
public sealed class ScheduleQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The schedules with these ids.</summary>
    public Task<List<ScheduleRecord>> ByIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ReadAsync(ids, [], cancellationToken);

    /// <summary>The availability schedules of these resources, earliest start first.</summary>
    public Task<List<ScheduleRecord>> ByResourcesAsync(IReadOnlyList<Guid> resourceIds, CancellationToken cancellationToken) =>
        ReadAsync([], resourceIds, cancellationToken);

    private async Task<List<ScheduleRecord>> ReadAsync(IReadOnlyList<Guid> ids, IReadOnlyList<Guid> resourceIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ScheduleCommandSql.GetSchedules);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("resource_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. resourceIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var schedules = new List<ScheduleRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            schedules.Add(new ScheduleRecord(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetString(4),
                reader.GetDateTime(5),
                reader.GetInt32(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetFieldValue<DateOnly[]>(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.GetBoolean(11)));
        }
        return schedules;
    }
}
