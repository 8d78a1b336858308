using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.CommandErrorCodes;

namespace MakerMap.Data.Schedules;

/// <summary>
/// Creates, changes and deletes schedules. Creating or changing one materialises its occurrences for
/// the coming <see cref="Horizon"/> at once, in the same transaction, and removes the future slots it
/// no longer produces (deleted when nobody booked them, cancelled otherwise); a rule that cannot be
/// expanded is <c>INVALID_INPUT</c> and writes nothing.
/// </summary>
public sealed class ScheduleCommands(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>How far ahead occurrences appear at once (the materialisation job's horizon).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(56);

    private const int MaxDurationMinutes = 31 * 24 * 60;

    /// <summary>The schedule's owner (its resource's or place's organisation), or null when there is no such schedule.</summary>
    public async Task<Owner?> FindOwnerAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ScheduleCommandSql.GetScheduleOwner);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Owner(reader.IsDBNull(1) ? null : reader.GetGuid(1))
            : null;
    }

    /// <summary>Inserts the schedule and its slots for the coming <see cref="Horizon"/>; returns its id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(NewSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var title = schedule.Title?.Trim();
        if (InputRules.First(
                CheckTarget(schedule),
                InputRules.Required(title, 200, "title"),
                CheckStart(schedule.StartsLocal),
                InputRules.Range(schedule.DurationMinutes, 1, MaxDurationMinutes, "durationMinutes"),
                CheckZone(schedule.TimeZone),
                CheckRule(schedule.RRule),
                CheckExcludedDates(schedule.ExcludedDates),
                schedule.Capacity is { } c ? InputRules.Range(c, 1, 10000, "capacity") : null) is { } error)
        {
            return error;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Guid id;
        await using (var insert = new NpgsqlCommand(ScheduleCommandSql.InsertSchedule, connection, transaction))
        {
            var p = insert.Parameters;
            p.Add(new NpgsqlParameter<string>("kind", NpgsqlDbType.Text) { TypedValue = schedule.Kind });
            p.AddNullable("resource_id", schedule.Kind == "availability" ? schedule.ResourceId : null, NpgsqlDbType.Uuid);
            p.AddNullable("place_id", schedule.Kind == "session" ? schedule.PlaceId : null, NpgsqlDbType.Uuid);
            p.Add(new NpgsqlParameter<string>("title", NpgsqlDbType.Text) { TypedValue = title! });
            p.Add(LocalStart(schedule.StartsLocal));
            p.Add(new NpgsqlParameter<int>("duration_minutes", NpgsqlDbType.Integer) { TypedValue = schedule.DurationMinutes });
            p.Add(new NpgsqlParameter<string>("time_zone", NpgsqlDbType.Text) { TypedValue = schedule.TimeZone });
            p.AddNullableText("rrule", schedule.RRule);
            p.Add(ExcludedDates([.. schedule.ExcludedDates]));
            p.AddNullable("capacity", schedule.Capacity, NpgsqlDbType.Integer);
            try
            {
                id = (Guid)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                return schedule.Kind == "availability"
                    ? new CommandError(NotFound, "There is no resource with this id.", "resourceId")
                    : new CommandError(NotFound, "There is no place with this id.", "placeId");
            }
        }
        var definition = new ScheduleDefinition(schedule.StartsLocal, TimeSpan.FromMinutes(schedule.DurationMinutes), schedule.TimeZone,
            schedule.RRule, [.. schedule.ExcludedDates]);
        if (await SyncSlotsAsync(connection, transaction, id, definition, cancellationToken).ConfigureAwait(false) is { } syncError)
        {
            return syncError;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Applies <paramref name="changes"/> and regenerates the future slots; returns the schedule's id.</summary>
    public async Task<CommandResult<Guid>> UpdateAsync(Guid scheduleId, ScheduleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var title = changes.Title is { } t ? t.Value?.Trim() : null;
        if (InputRules.First(
                changes.Title is null ? null : InputRules.Required(title, 200, "title"),
                changes.StartsLocal is { } s ? s.Value is { } start ? CheckStart(start) : Uncleared("startsLocal") : null,
                changes.DurationMinutes is { } d ? d.Value is { } minutes ? InputRules.Range(minutes, 1, MaxDurationMinutes, "durationMinutes") : Uncleared("durationMinutes") : null,
                changes.TimeZone is { } z ? z.Value is { } zone ? CheckZone(zone) : Uncleared("timeZone") : null,
                changes.RRule is { Value: { } rule } ? CheckRule(rule) : null,
                changes.ExcludedDates is { Value: { } dates } ? CheckExcludedDates(dates) : null,
                changes.Capacity is { Value: { } c } ? InputRules.Range(c, 1, 10000, "capacity") : null) is { } error)
        {
            return error;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        ScheduleDefinition definition;
        await using (var update = new NpgsqlCommand(ScheduleCommandSql.UpdateSchedule, connection, transaction))
        {
            var p = update.Parameters;
            p.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
            p.Add(Flag("set_title", changes.Title is not null));
            p.AddNullableText("title", title);
            p.Add(Flag("set_starts_local", changes.StartsLocal is not null));
            p.Add(LocalStart(changes.StartsLocal?.Value ?? DateTime.UnixEpoch));
            p.Add(Flag("set_duration", changes.DurationMinutes is not null));
            p.AddNullable("duration_minutes", changes.DurationMinutes?.Value, NpgsqlDbType.Integer);
            p.Add(Flag("set_time_zone", changes.TimeZone is not null));
            p.AddNullableText("time_zone", changes.TimeZone?.Value);
            p.Add(Flag("set_rrule", changes.RRule is not null));
            p.AddNullableText("rrule", changes.RRule?.Value);
            p.Add(Flag("set_excluded_dates", changes.ExcludedDates is not null));
            p.Add(ExcludedDates([.. changes.ExcludedDates?.Value ?? []]));
            p.Add(Flag("set_capacity", changes.Capacity is not null));
            p.AddNullable("capacity", changes.Capacity?.Value, NpgsqlDbType.Integer);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new CommandError(NotFound, "There is no schedule with this id.", "id");
            }
            definition = new ScheduleDefinition(reader.GetDateTime(2), TimeSpan.FromSeconds(reader.GetDouble(3)), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateOnly[]>(6));
        }
        if (await SyncSlotsAsync(connection, transaction, scheduleId, definition, cancellationToken).ConfigureAwait(false) is { } syncError)
        {
            return syncError;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return scheduleId;
    }

    /// <summary>
    /// Deletes the schedule with its slots; live bookings that have not ended in one of them make it
    /// <c>IN_USE</c>. Ended or dead bookings of its slots are kept without their slot. Returns its id.
    /// </summary>
    public Task<CommandResult<Guid>> DeleteAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        TransientRetry.RunAsync(ct => DeleteOnceAsync(scheduleId, ct), ConcurrentUpdate, cancellationToken);

    private async Task<CommandResult<Guid>> DeleteOnceAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The resource first, as every booking does; then the schedule; then, in statements of their
        // own, the check and the delete, which so see every booking committed before the locks.
        await using (var lockResource = new NpgsqlCommand(ScheduleSql.LockScheduleResources, connection, transaction))
        {
            lockResource.Parameters.Add(new NpgsqlParameter<Guid[]>("expanded_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [scheduleId] });
            await lockResource.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var lockSchedule = new NpgsqlCommand(ScheduleCommandSql.LockScheduleForDelete, connection, transaction))
        {
            lockSchedule.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
            if (await lockSchedule.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return new CommandError(NotFound, "There is no schedule with this id.", "id");
            }
        }
        await using (var check = new NpgsqlCommand(ScheduleCommandSql.ScheduleHasLiveBookings, connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
            check.Parameters.AddInstant("now", time.GetUtcNow());
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return ScheduleInUse();
            }
        }
        try
        {
            foreach (var sql in (string[])[ScheduleCommandSql.DetachScheduleBookings, ScheduleCommandSql.DeleteSchedule])
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation || DatabaseGuards.Is(e, DatabaseGuards.InUse))
        {
            // a live booking the check did not count (its period against the database clock) still holds a slot
            return ScheduleInUse();
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return scheduleId;
    }

    private static CommandError ScheduleInUse() =>
        new(InUse, "Live bookings hold occurrences of this schedule; cancel or decline them first.", "id");

    private static CommandResult<Guid> ConcurrentUpdate() =>
        new CommandError(CommandErrorCodes.ConcurrentUpdate, "Other changes to the same resource kept colliding with this one; nothing was changed. Try again.");

    // Future slots beyond the horizon (made when the schedule reached further) are judged too, so the
    // expansion runs to the latest of them.
    private async Task<CommandError?> SyncSlotsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid scheduleId,
        ScheduleDefinition definition, CancellationToken cancellationToken)
    {
        var from = time.GetUtcNow();
        var to = from + Horizon;
        await using (var latest = new NpgsqlCommand(ScheduleCommandSql.GetLatestFutureSlot, connection, transaction))
        {
            latest.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = scheduleId });
            latest.Parameters.AddInstant("now", from);
            if (await latest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime last && last >= to.UtcDateTime)
            {
                to = new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)).AddSeconds(1);
            }
        }
        var sync = new SlotSync();
        try
        {
            sync.Add(scheduleId, definition, from, to);
        }
        catch (DataValidationException e)
        {
            return InputRules.Invalid(e.Field, e.Message);
        }
        await sync.ApplyAsync(connection, transaction, from, to, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static CommandError? CheckTarget(NewSchedule schedule) => schedule.Kind switch
    {
        "availability" when schedule.ResourceId is null => InputRules.Invalid("resourceId", "An AVAILABILITY schedule needs a resourceId."),
        "availability" when schedule.PlaceId is not null => InputRules.Invalid("placeId", "An AVAILABILITY schedule belongs to a resource; leave placeId out."),
        "session" when schedule.PlaceId is null => InputRules.Invalid("placeId", "A SESSION schedule needs a placeId."),
        "session" when schedule.ResourceId is not null => InputRules.Invalid("resourceId", "A SESSION schedule belongs to a place; leave resourceId out."),
        "availability" or "session" => null,
        _ => InputRules.Invalid("kind", "\"kind\" must be AVAILABILITY or SESSION."),
    };

    private static CommandError? CheckStart(DateTime startsLocal) =>
        startsLocal.Year is < 2000 or > 2100 ? InputRules.Invalid("startsLocal", "\"startsLocal\" must lie between the years 2000 and 2100.") : null;

    private static CommandError? CheckZone(string? zone) =>
        zone is { Length: <= 64 } && ZonedTime.FindZone(zone) is not null
            ? null
            : InputRules.Invalid("timeZone", $"Unknown time zone '{zone}'; use an IANA name such as Europe/Brussels.");

    private static CommandError? CheckRule(string? rule)
    {
        if (rule is null)
        {
            return null;
        }
        if (rule.Length > 500)
        {
            return InputRules.Invalid("rrule", "\"rrule\" must have at most 500 characters.");
        }
        try
        {
            RecurrenceRuleParser.Parse(rule);
            return null;
        }
        catch (DataValidationException e)
        {
            return InputRules.Invalid("rrule", e.Message);
        }
    }

    private static CommandError? CheckExcludedDates(IReadOnlyList<DateOnly> dates) =>
        dates.Count > 1000 ? InputRules.Invalid("excludedDates", "\"excludedDates\" may hold at most 1000 dates.") : null;

    private static CommandError Uncleared(string field) => InputRules.Invalid(field, $"\"{field}\" cannot be cleared; leave it out to keep it.");

    private static NpgsqlParameter<bool> Flag(string name, bool value) => new(name, NpgsqlDbType.Boolean) { TypedValue = value };

    private static NpgsqlParameter<DateTime> LocalStart(DateTime value) =>
        new("starts_local", NpgsqlDbType.Timestamp) { TypedValue = DateTime.SpecifyKind(value, DateTimeKind.Unspecified) };

    private static NpgsqlParameter<DateOnly[]> ExcludedDates(DateOnly[] dates) =>
        new("excluded_dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = dates };
}
