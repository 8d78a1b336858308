using MakerMap.Data.Internal;

namespace MakerMap.Data.Bookings;

/// <summary>The Bookings area's SQL, loaded once.</summary>
internal static class BookingSql
{
    public static readonly string GetByIdempotencyKey = EmbeddedSql.Load("Bookings/get_booking_by_idempotency_key.sql");
    public static readonly string GetBooking = EmbeddedSql.Load("Bookings/get_booking.sql");
    public static readonly string GetResourceForBooking = EmbeddedSql.Load("Bookings/get_resource_for_booking.sql");
    public static readonly string GetSlotForBooking = EmbeddedSql.Load("Bookings/get_slot_for_booking.sql");
    public static readonly string InsertBooking = EmbeddedSql.Load("Bookings/insert_booking.sql");
    public static readonly string CancelBooking = EmbeddedSql.Load("Bookings/cancel_booking.sql");
    public static readonly string DecideBooking = EmbeddedSql.Load("Bookings/decide_booking.sql");
    public static readonly string ExpireUndecided = EmbeddedSql.Load("Bookings/expire_undecided_bookings.sql");
    public static readonly string GetResourceAvailability = EmbeddedSql.Load("Bookings/get_resource_availability.sql");
    public static readonly string ListSlotsInPeriod = EmbeddedSql.Load("Bookings/list_slots_in_period.sql");
    public static readonly string ListFreePeriodBookings = EmbeddedSql.Load("Bookings/list_free_period_bookings.sql");
    public static readonly string ListRequestsToDecide = EmbeddedSql.Load("Bookings/list_requests_to_decide.sql");
    public static readonly string ListResourceDeployments = EmbeddedSql.Load("Bookings/list_resource_deployments.sql");
    public static readonly string InsertBookingSeries = EmbeddedSql.Load("Bookings/insert_booking_series.sql");
    public static readonly string ListSeriesWeeks = EmbeddedSql.Load("Bookings/list_series_weeks.sql");
    public static readonly string CancelBookingSeries = EmbeddedSql.Load("Bookings/cancel_booking_series.sql");
    public static readonly string GetBookingSeries = EmbeddedSql.Load("Bookings/get_booking_series.sql");
    public static readonly string GetSeriesByIdempotencyKey = EmbeddedSql.Load("Bookings/get_booking_series_by_idempotency_key.sql");
    public static readonly string ListSeriesOccurrences = EmbeddedSql.Load("Bookings/list_series_occurrences.sql");

    // the row lock every writer of a resource takes first (migration 0015)
    public const string LockResource = "SELECT 1 FROM resources WHERE id = @resource_id FOR NO KEY UPDATE";

    /// <summary>The row lock of a booking's resource, taken before the booking's own.</summary>
    public const string LockResourceOfBooking =
        "SELECT 1 FROM resources AS r JOIN bookings AS b ON b.resource_id = r.id WHERE b.id = @id FOR NO KEY UPDATE OF r";

    public const string BookingsExclusiveNoOverlap = "bookings_exclusive_no_overlap";
    public const string BookingsIdempotencyKey = "bookings_idempotency_key";
}
