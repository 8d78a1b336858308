using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Schedules;

/// <summary>What one <see cref="SlotMaterialiser.MaterialiseAsync"/> run did.</summary>
/// <param name="Schedules">Schedules expanded.</param>
/// <param name="Occurrences">Occurrences found in the window.</param>
/// <param name="Inserted">New slots; the rest already existed (or overlap an existing slot of the resource).</param>
/// <param name="Errors">Schedules that could not be expanded (bad RRULE or zone), collected rather than thrown.</param>
/// <param name="Removed">Slots in the window their schedule no longer produces: deleted, or cancelled when bookings point to them.</param>
/// <param name="Reinstated">Cancelled slots their schedule produces again, bookable again.</param>
public sealed record MaterialiseReport(int Schedules, int Occurrences, int Inserted, IReadOnlyList<ScheduleError> Errors, int Removed = 0,
    int Reinstated = 0);

/// <summary>A schedule that could not be expanded.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="Code">Stable code, e.g. <c>INVALID_RRULE</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ScheduleError(Guid ScheduleId, string Code, string Message);

/// <summary>
/// Turns schedules into slots for a window: every schedule is expanded in C#
/// (<see cref="ScheduleOccurrences"/>); slots in the window that a schedule no longer produces (it was
/// edited) are removed, and the occurrences are inserted in one statement that skips existing ones,
/// so running it twice, or on two instances at once, yields the same slots. A schedule that cannot be
/// expanded keeps its slots.
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
        var sync = new SlotSync();
        var errors = new List<ScheduleError>();
        var schedules = 0;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(ScheduleSql.ListSchedules, connection))
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
                    sync.Add(id, definition, from, to);
                }
                catch (DataValidationException e)
                {
                    errors.Add(new ScheduleError(id, e.Code, e.Message));
                }
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (removed, reinstated, inserted) = await sync.ApplyAsync(connection, transaction, from, to, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MaterialiseReport(schedules, sync.Occurrences, inserted, errors, removed, reinstated);
    }
}
