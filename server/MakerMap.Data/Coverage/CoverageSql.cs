using MakerMap.Data.Internal;

namespace MakerMap.Data.Coverage;

/// <summary>The Coverage area's SQL, loaded once.</summary>
internal static class CoverageSql
{
    public static readonly string GetAreaCoverage = EmbeddedSql.Load("Coverage/get_area_coverage.sql");
    public static readonly string FindCoverageArea = EmbeddedSql.Load("Coverage/find_coverage_area.sql");
    public static readonly string GetPolygonAreaKm2 = EmbeddedSql.Load("Coverage/get_polygon_area_km2.sql");
    public static readonly string LinkCoverageRows = EmbeddedSql.Load("Coverage/link_coverage_rows.sql");
    public static readonly string GetCoverageReach = EmbeddedSql.Load("Coverage/get_coverage_reach.sql");
    public static readonly string ListReachablePairs = EmbeddedSql.Load("Coverage/list_reachable_pairs.sql");
}
