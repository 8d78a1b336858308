using MakerMap.Data.Coverage;
using NetTopologySuite.Geometries;

namespace MakerMap.Api.Schema;

/// <summary>The <c>CoverageReport</c> being resolved, with what its lazy fields need.</summary>
public sealed class CoverageState(
    CoverageReportQueries reports, string areaJson, string? areaName, double maxDistanceMeters,
    CoveragePlaceFilter filter, CoverageResult result, IReadOnlyList<CoverageRowView> rows, DateTime? populationReferenceDate)
{
    private Task<(int PlacesConsidered, string? Uncovered)>? _reach;

    internal CoverageReportQueries Reports => reports;

    internal IReadOnlyList<CoverageRowView> RowViews => rows;

    /// <summary>The analysed area (GeoJSON).</summary>
    public string Area => areaJson;

    /// <summary>The area's name, when it is a stored area.</summary>
    public string? AreaName => areaName;

    /// <summary>The distance used.</summary>
    public double MaxDistanceMeters => maxDistanceMeters;

    /// <summary>Residents of the area.</summary>
    public int Population => checked((int)result.TotalPopulation);

    /// <summary>Residents within reach.</summary>
    public int CoveredPopulation => checked((int)result.CoveredPopulation);

    /// <summary>Covered share, 0..1.</summary>
    public double CoveredShare => result.Share;

    /// <summary>The date of the population counts.</summary>
    public DateTime? PopulationReferenceDate => populationReferenceDate;

    /// <summary>The rows, least covered first.</summary>
    public IReadOnlyList<CoverageRowView> Rows => rows;

    // placesConsidered and uncoveredArea share one query, run at most once per report.
    internal Task<(int PlacesConsidered, string? Uncovered)> ReachAsync(CancellationToken ct) =>
        _reach ??= reports.ReachAsync(areaJson, maxDistanceMeters, filter, ct);
}

/// <summary>A <c>CoverageRow</c>.</summary>
public sealed class CoverageRowView(SubAreaCoverage row)
{
    /// <summary>The sub-area's code.</summary>
    public string Code => row.Code;

    /// <summary>The sub-area's name.</summary>
    public string Name => row.Name;

    /// <summary>Residents.</summary>
    public int Population => row.Population;

    /// <summary>Metres to the nearest matching place (null when none within 50 km).</summary>
    public double? NearestDistanceMeters => row.DistanceMeters is <= 50_000 ? row.DistanceMeters : null;

    /// <summary>Whether the sub-area is covered.</summary>
    public bool Covered => row.Covered;

    internal Guid? AreaId => row.AreaId;

    internal Guid? NearestPlaceId => NearestDistanceMeters is null ? null : row.NearestPlaceId;

    internal (double Lon, double Lat) Point => (row.PopulationPoint.X, row.PopulationPoint.Y);
}

/// <summary>A <c>SuggestedSite</c>.</summary>
public sealed class SuggestedSiteView(int rank, double longitude, double latitude, Guid? areaId, int addedPopulation, double coveredShareAfter)
{
    /// <summary>1 for the first pick.</summary>
    public int Rank => rank;

    /// <summary>The site as a GeoJSON point.</summary>
    public Point Location => new(longitude, latitude);

    /// <summary>The site as longitude and latitude.</summary>
    public Dictionary<string, object?> Coordinates => new(StringComparer.Ordinal) { ["longitude"] = longitude, ["latitude"] = latitude };

    /// <summary>Residents newly covered.</summary>
    public int AddedPopulation => addedPopulation;

    /// <summary>Covered share once this and earlier picks open.</summary>
    public double CoveredShareAfter => coveredShareAfter;

    internal Guid? AreaId => areaId;
}
