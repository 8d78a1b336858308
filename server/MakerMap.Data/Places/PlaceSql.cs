using MakerMap.Data.Internal;

namespace MakerMap.Data.Places;

/// <summary>The Places area's SQL, loaded once.</summary>
internal static class PlaceSql
{
    public static readonly string FindNearest = EmbeddedSql.Load("Places/find_nearest_places.sql");
    public static readonly string GetByIds = EmbeddedSql.Load("Places/get_places_by_ids.sql");
    public static readonly string FindInBoundingBox = EmbeddedSql.Load("Places/find_places_in_bbox.sql");
}
