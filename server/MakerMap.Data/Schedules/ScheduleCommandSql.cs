using MakerMap.Data.Internal;

namespace MakerMap.Data.Schedules;

/// <summary>The SQL of <see cref="ScheduleCommands"/> and <see cref="ScheduleQueries"/>, loaded once.</summary>
internal static class ScheduleCommandSql
{
    public static readonly string InsertSchedule = EmbeddedSql.Load("Schedules/insert_schedule.sql");
    public static readonly string UpdateSchedule = EmbeddedSql.Load("Schedules/update_schedule.sql");
    public static readonly string GetScheduleOwner = EmbeddedSql.Load("Schedules/get_schedule_owner.sql");
    public static readonly string LockScheduleForDelete = EmbeddedSql.Load("Schedules/lock_schedule_for_delete.sql");
    public static readonly string ScheduleHasLiveBookings = EmbeddedSql.Load("Schedules/schedule_has_live_bookings.sql");
    public static readonly string DetachScheduleBookings = EmbeddedSql.Load("Schedules/detach_schedule_bookings.sql");
    public static readonly string GetSchedules = EmbeddedSql.Load("Schedules/get_schedules.sql");

    public const string DeleteSchedule = "DELETE FROM schedules WHERE id = @id";
    public const string GetLatestFutureSlot = "SELECT max(lower(period)) FROM slots WHERE schedule_id = @id AND lower(period) >= @now";
}
