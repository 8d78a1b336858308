using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Schedules;

/// <summary>
/// Brings the slots of some schedules in line with their occurrences in a window: first locks their
/// resources (in the order the booking guard trigger takes them, see lock_schedule_resources.sql), then removes the
/// slots they no longer produce (deleted, or cancelled when booked, so a moved occurrence does not collide
/// with its old slot under the resource's no-overlap constraint), then makes cancelled slots they produce
/// again bookable again, then inserts the missing ones.
/// </summary>
internal sealed class SlotSync
{
    private readonly List<Guid> _expanded = [];
    private readonly List<Guid> _scheduleIds = [];
    private readonly List<DateTime> _starts = [];
    private readonly List<DateTime> _ends = [];

    /// <summary>Occurrences collected so far.</summary>
    public int Occurrences => _scheduleIds.Count;

    /// <summary>Adds the occurrences of one schedule in <c>[from, to)</c>; throws <see cref="DataValidationException"/> for a bad rule or zone.</summary>
    public void Add(Guid scheduleId, ScheduleDefinition definition, DateTimeOffset from, DateTimeOffset to)
    {
        // expand fully before recording anything, so a bad rule leaves no half-expanded schedule behind
        var occurrences = ScheduleOccurrences.Between(definition, from, to).ToList();
        _expanded.Add(scheduleId);
        foreach (var occurrence in occurrences)
        {
            _scheduleIds.Add(scheduleId);
            _starts.Add(occurrence.Start.UtcDateTime);
            _ends.Add(occurrence.End.UtcDateTime);
        }
    }

    /// <summary>
    /// Removes stale slots starting in <c>[from, to)</c>, reinstates cancelled ones produced again and inserts the
    /// missing ones; returns how many of each.
    /// </summary>
    public async Task<(int Removed, int Reinstated, int Inserted)> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (_expanded.Count == 0)
        {
            return (0, 0, 0);
        }
        await using (var lockResources = new NpgsqlCommand(ScheduleSql.LockScheduleResources, connection, transaction))
        {
            AddExpanded(lockResources.Parameters);
            await lockResources.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var removed = await CountInWindowAsync(ScheduleSql.RemoveStaleSlots, connection, transaction, from, to, cancellationToken).ConfigureAwait(false);
        if (_scheduleIds.Count == 0)
        {
            return (removed, 0, 0);
        }
        var reinstated = await CountInWindowAsync(ScheduleSql.ReinstateProducedSlots, connection, transaction, from, to, cancellationToken)
            .ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(ScheduleSql.InsertSlots, connection, transaction);
        AddOccurrences(insert.Parameters);
        return (removed, reinstated, await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
    }

    // remove_stale_slots.sql and reinstate_produced_slots.sql: the occurrences, the expanded schedules and the
    // window, and a count back
    private async Task<int> CountInWindowAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddOccurrences(command.Parameters);
        AddExpanded(command.Parameters);
        command.Parameters.AddInstant("from", from);
        command.Parameters.AddInstant("to", to);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private void AddExpanded(NpgsqlParameterCollection parameters) =>
        parameters.Add(new NpgsqlParameter<Guid[]>("expanded_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. _expanded] });

    private void AddOccurrences(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter<Guid[]>("schedule_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. _scheduleIds] });
        parameters.Add(new NpgsqlParameter<DateTime[]>("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. _starts] });
        parameters.Add(new NpgsqlParameter<DateTime[]>("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. _ends] });
    }
}
