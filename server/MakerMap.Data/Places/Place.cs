using NetTopologySuite.Geometries;

namespace MakerMap.Data.Places;

/// <summary>A place on the map (repair café, maker space, give-box, ...).</summary>
/// <param name="Id">Primary key.</param>
/// <param name="Slug">Stable URL name.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">One of <see cref="PlaceVocabulary.Kinds"/>.</param>
/// <param name="Categories">Repair categories, from <see cref="PlaceVocabulary.Categories"/>.</param>
/// <param name="Location">WGS 84 point (SRID 4326; X = longitude, Y = latitude).</param>
/// <param name="LocationPrecision"><c>surveyed</c>, <c>address</c> or <c>approximate</c>.</param>
/// <param name="StreetAddress">Street and number.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Locality">Town or city.</param>
/// <param name="Website">Web site.</param>
/// <param name="OpeningHours">OpenStreetMap <c>opening_hours</c> syntax.</param>
/// <param name="Wheelchair"><c>yes</c>, <c>limited</c>, <c>no</c> or <c>unknown</c>.</param>
/// <param name="OrganisationId">Owning organisation.</param>
/// <param name="SourceCode">Data source (licence and attribution) of the row.</param>
public sealed record Place(
    Guid Id,
    string Slug,
    string Name,
    string Kind,
    IReadOnlyList<string> Categories,
    Point Location,
    string LocationPrecision,
    string? StreetAddress,
    string? PostalCode,
    string? Locality,
    string? Website,
    string? OpeningHours,
    string Wheelchair,
    Guid? OrganisationId,
    string SourceCode)
{
    /// <summary>Longitude in degrees (WGS 84).</summary>
    public double Longitude => Location.X;

    /// <summary>Latitude in degrees (WGS 84).</summary>
    public double Latitude => Location.Y;
}

/// <summary>A place and its distance from the query point.</summary>
/// <param name="Place">The place.</param>
/// <param name="DistanceMeters">Distance on the WGS 84 spheroid, in metres.</param>
public sealed record NearestPlace(Place Place, double DistanceMeters);

/// <summary>Arguments of <see cref="PlaceQueries.FindNearestAsync"/>.</summary>
public sealed record NearestPlacesQuery
{
    /// <summary>Longitude of the query point, -180..180.</summary>
    public required double Longitude { get; init; }

    /// <summary>Latitude of the query point, -90..90.</summary>
    public required double Latitude { get; init; }

    /// <summary>How many places, 1..100.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Only these kinds (null: all).</summary>
    public IReadOnlyCollection<string>? Kinds { get; init; }

    /// <summary>Only places with at least one of these categories (null: all).</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    /// <summary>Only places at most this many metres away (null: no limit).</summary>
    public double? MaxDistanceMeters { get; init; }
}

/// <summary>Arguments of <see cref="PlaceQueries.FindInBoundingBoxAsync"/>.</summary>
public sealed record BoundingBoxQuery
{
    /// <summary>Western longitude.</summary>
    public required double West { get; init; }

    /// <summary>Southern latitude.</summary>
    public required double South { get; init; }

    /// <summary>Eastern longitude (greater than <see cref="West"/>).</summary>
    public required double East { get; init; }

    /// <summary>Northern latitude (greater than <see cref="South"/>).</summary>
    public required double North { get; init; }

    /// <summary>Only these kinds (null: all).</summary>
    public IReadOnlyCollection<string>? Kinds { get; init; }

    /// <summary>Only places with at least one of these categories (null: all).</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    /// <summary>At most this many places, 1..5000.</summary>
    public int Limit { get; init; } = 1000;
}
