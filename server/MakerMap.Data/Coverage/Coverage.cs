using NetTopologySuite.Geometries;

namespace MakerMap.Data.Coverage;

/// <summary>Arguments of <see cref="CoverageQueries.GetCoverageAsync"/>.</summary>
public sealed record CoverageQuery
{
    /// <summary>Sub-area level: <c>sector</c>, <c>neighbourhood</c> or <c>municipality</c>.</summary>
    public required string AreaLevel { get; init; }

    /// <summary>
    /// Only sub-areas of these municipalities (NIS codes, e.g. <c>44021</c> for Gent): one municipality,
    /// or those of a province or region.
    /// </summary>
    public IReadOnlyCollection<string>? Municipalities { get; init; }

    /// <summary>Only sub-areas whose population point lies in this (Multi)Polygon (WGS 84).</summary>
    public Geometry? Within { get; init; }

    /// <summary>The same as <see cref="Within"/>, as a GeoJSON geometry (RFC 7946, WGS 84).</summary>
    public string? WithinGeoJson { get; init; }

    /// <summary>Only places of these kinds count (null: all).</summary>
    public IReadOnlyCollection<string>? Kinds { get; init; }

    /// <summary>Only places with one of these categories count (null: all).</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    /// <summary>
    /// When set, mobile resources count as places at the deployment locations of their confirmed
    /// bookings overlapping this Europe/Brussels day, if their home place matches the filters.
    /// </summary>
    public DateOnly? DeploymentDate { get; init; }

    /// <summary>A sub-area is covered when a matching place is at most this many metres from its population point.</summary>
    public required double MaxDistanceMeters { get; init; }
}

/// <summary>How many residents live within reach of a matching place.</summary>
/// <param name="TotalPopulation">Residents of all sub-areas in scope.</param>
/// <param name="CoveredPopulation">Residents of covered sub-areas.</param>
/// <param name="Share">CoveredPopulation / TotalPopulation (0 when nobody lives there).</param>
/// <param name="Areas">One row per sub-area, ordered by code.</param>
public sealed record CoverageResult(long TotalPopulation, long CoveredPopulation, double Share, IReadOnlyList<SubAreaCoverage> Areas);

/// <summary>One sub-area's coverage.</summary>
/// <param name="Code">Area code (e.g. the statistical sector code).</param>
/// <param name="Name">Area name.</param>
/// <param name="Population">Residents (0 when unknown).</param>
/// <param name="PopulationPoint">Where its residents are counted: ST_PointOnSurface of the polygon.</param>
/// <param name="DistanceMeters">Metres to the nearest matching place (null when no place matches at all).</param>
/// <param name="Covered">Whether a matching place is at most the query's maximum distance away.</param>
/// <param name="AreaId">The sub-area's row in <c>areas</c>.</param>
/// <param name="NearestPlaceId">The nearest matching place (a deployed mobile resource's home place); null when no place matches.</param>
/// <param name="PopulationReferenceDate">The date of the sub-area's population count.</param>
public sealed record SubAreaCoverage(string Code, string Name, int Population, Point PopulationPoint, double? DistanceMeters, bool Covered,
    Guid AreaId, Guid? NearestPlaceId, DateTime? PopulationReferenceDate);
