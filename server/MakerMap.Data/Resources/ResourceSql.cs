using MakerMap.Data.Internal;

namespace MakerMap.Data.Resources;

/// <summary>The Resources area's SQL, loaded once.</summary>
internal static class ResourceSql
{
    public static readonly string InsertResource = EmbeddedSql.Load("Resources/insert_resource.sql");
    public static readonly string UpdateResource = EmbeddedSql.Load("Resources/update_resource.sql");
    public static readonly string DeleteResource = EmbeddedSql.Load("Resources/delete_resource.sql");
    public static readonly string LockResourceForDelete = EmbeddedSql.Load("Resources/lock_resource_for_delete.sql");
    public static readonly string HasLiveBookings = EmbeddedSql.Load("Resources/has_live_bookings.sql");
    public static readonly string DeleteResourceBookings = EmbeddedSql.Load("Resources/delete_resource_bookings.sql");
    public static readonly string LockResourceForCapacityChange = EmbeddedSql.Load("Resources/lock_resource_for_capacity_change.sql");
    public static readonly string GetLiveBookedUnits = EmbeddedSql.Load("Resources/get_live_booked_units.sql");
    public static readonly string ResizeOpenSlots = EmbeddedSql.Load("Resources/resize_open_slots.sql");
    public static readonly string ReplaceRequirements = EmbeddedSql.Load("Resources/replace_requirements.sql");
}
