using MakerMap.Data.Internal;

namespace MakerMap.Data.Coverage;

/// <summary>The Coverage area's SQL, loaded once.</summary>
internal static class CoverageSql
{
    public static readonly string GetAreaCoverage = EmbeddedSql.Load("Coverage/get_area_coverage.sql");
    public static readonly string FindCoverageArea = EmbeddedSql.Load("Coverage/find_coverage_area.sql");
    public static readonly string EstimateCoverageWork = EmbeddedSql.Load("Coverage/estimate_coverage_work.sql");
    public static readonly string GetCoverageReach = EmbeddedSql.Load("Coverage/get_coverage_reach.sql");
    public static readonly string ListReachablePairs = EmbeddedSql.Load("Coverage/list_reachable_pairs.sql");
}
