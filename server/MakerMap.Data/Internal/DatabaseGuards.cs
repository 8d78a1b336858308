using Npgsql;

namespace MakerMap.Data.Internal;

/// <summary>
/// The hints that the database's guard triggers (migration 0015) raise with SQLSTATE P0001. The
/// trigger is the last word on an invariant; the command that hits one maps it to its typed failure.
/// </summary>
internal static class DatabaseGuards
{
    /// <summary>A live booking would exceed a slot's or resource's capacity at some instant.</summary>
    public const string CapacityExceeded = "makermap:capacity_exceeded";

    /// <summary>A live booking would lie outside the bookable slots of a resource with availability.</summary>
    public const string OutsideAvailability = "makermap:outside_availability";

    /// <summary>A capacity change would leave live bookings above the new capacity.</summary>
    public const string CapacityBelowBooked = "makermap:capacity_below_booked";

    /// <summary>A live booking that has not ended would be deleted.</summary>
    public const string InUse = "makermap:in_use";

    /// <summary>An organisation would be left without an admin.</summary>
    public const string LastAdmin = "makermap:last_admin";

    /// <summary>Whether <paramref name="exception"/> is the guard with <paramref name="hint"/>.</summary>
    public static bool Is(PostgresException exception, string hint) =>
        exception.SqlState == PostgresErrorCodes.RaiseException && exception.Hint == hint;
}
