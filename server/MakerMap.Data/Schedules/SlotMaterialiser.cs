using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Schedules;

/// <summary>What one <see cref="SlotMaterialiser.MaterialiseAsync"/> run did.</summary>
/// <param name="Schedules">Schedules expanded.</param>
/// <param name="Occurrences">Occurrences found in the window.</param>
/// <param name="Inserted">New slots; the rest already existed (or overlap an existing slot of the resource).</param>
/// <param name="Errors">Schedules that could not be expanded (bad RRULE or zone), collected rather than thrown.</param>
public sealed record MaterialiseReport(int Schedules, int Occurrences, int Inserted, IReadOnlyList<ScheduleError> Errors);

/// <summary>A schedule that could not be expanded.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="Code">Stable code, e.g. <c>INVALID_RRULE</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ScheduleError(Guid ScheduleId, string Code, string Message);

/// <summary>
/// Turns schedules into slots for a window: every schedule is expanded in C#
/// (<see cref="ScheduleOccurrences"/>) and the occurrences are inserted in one statement that skips
/// existing ones, so running it twice, or on two instances at once, yields the same slots.
/// </summary>
public sealed class SlotMaterialiser(NpgsqlDataSource dataSource)
{
    /// <summary>Inserts the slots of all schedules whose occurrences start in <c>[from, to)</c>.</summary>
    /// <exception cref="DataValidationException">The window is empty or reversed.</exception>
    public async Task<MaterialiseReport> MaterialiseAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            Guard.Throw("to", "The window must end after it starts.");
        }
        var scheduleIds = new List<Guid>();
        var starts = new List<DateTime>();
        var ends = new List<DateTime>();
        var errors = new List<ScheduleError>();
        var schedules = 0;

        await using (var command = dataSource.CreateCommand(ScheduleSql.ListSchedules))
        {
            // no zone is more than 14 hours ahead of UTC
            command.Parameters.Add(new NpgsqlParameter<DateTime>("until_local", NpgsqlDbType.Timestamp)
            {
                TypedValue = DateTime.SpecifyKind(to.UtcDateTime.AddHours(15), DateTimeKind.Unspecified),
            });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                schedules++;
                var id = reader.GetGuid(0);
                var definition = new ScheduleDefinition(
                    reader.GetDateTime(2),
                    TimeSpan.FromSeconds(reader.GetDouble(3)),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetFieldValue<DateOnly[]>(6));
                try
                {
                    foreach (var occurrence in ScheduleOccurrences.Between(definition, from, to))
                    {
                        scheduleIds.Add(id);
                        starts.Add(occurrence.Start.UtcDateTime);
                        ends.Add(occurrence.End.UtcDateTime);
                    }
                }
                catch (DataValidationException e)
                {
                    errors.Add(new ScheduleError(id, e.Code, e.Message));
                }
            }
        }

        var inserted = 0;
        if (scheduleIds.Count > 0)
        {
            await using var insert = dataSource.CreateCommand(ScheduleSql.InsertSlots);
            insert.Parameters.Add(new NpgsqlParameter<Guid[]>("schedule_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. scheduleIds] });
            insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. starts] });
            insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. ends] });
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return new MaterialiseReport(schedules, scheduleIds.Count, inserted, errors);
    }
}
