using MakerMap.Data.Internal;

namespace MakerMap.Data.Schedules;

/// <summary>The Schedules area's SQL, loaded once.</summary>
internal static class ScheduleSql
{
    public static readonly string ListSchedules = EmbeddedSql.Load("Schedules/list_schedules.sql");
    public static readonly string LockScheduleResources = EmbeddedSql.Load("Schedules/lock_schedule_resources.sql");
    public static readonly string InsertSlots = EmbeddedSql.Load("Schedules/insert_slots.sql");
    public static readonly string RemoveStaleSlots = EmbeddedSql.Load("Schedules/remove_stale_slots.sql");
    public static readonly string ReinstateProducedSlots = EmbeddedSql.Load("Schedules/reinstate_produced_slots.sql");
    public static readonly string FindUpcomingSessions = EmbeddedSql.Load("Schedules/find_upcoming_sessions.sql");
}
