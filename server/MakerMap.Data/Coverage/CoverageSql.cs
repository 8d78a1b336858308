using MakerMap.Data.Internal;

namespace MakerMap.Data.Coverage;

/// <summary>The Coverage area's SQL, loaded once.</summary>
internal static class CoverageSql
{
    public static readonly string GetAreaCoverage = EmbeddedSql.Load("Coverage/get_area_coverage.sql");
}
