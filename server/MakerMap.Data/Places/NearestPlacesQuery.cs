namespace MakerMap.Data.Places;

/// <summary>A nearest-places search (<c>Query.nearestPlaces</c>), checked by <see cref="NearestSearch"/>.</summary>
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

    /// <summary>Only places whose wheelchair access is one of these (<c>yes</c>, <c>limited</c>, ...; null: all).</summary>
    public IReadOnlyCollection<string>? Wheelchair { get; init; }

    /// <summary>Only places at most this many metres away (null: no limit).</summary>
    public double? MaxDistanceMeters { get; init; }

    /// <summary>Only places open at this instant by their opening hours or holding a session then (null: all).</summary>
    public DateTimeOffset? OpenAt { get; init; }
}
