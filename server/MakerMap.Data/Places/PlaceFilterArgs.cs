namespace MakerMap.Data.Places;

/// <summary>What <c>Query.places</c> filters on (already validated; enum values in database spelling).</summary>
public sealed record PlaceFilterArgs
{
    /// <summary>Kinds, or null for all.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Categories (any of), or null for all.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Wheelchair access values (any of), or null for all.</summary>
    public IReadOnlyList<string>? Wheelchair { get; init; }

    /// <summary>Address locality, case-insensitive.</summary>
    public string? Locality { get; init; }

    /// <summary>Inside this area.</summary>
    public Guid? AreaId { get; init; }

    /// <summary>Inside this municipality (NIS code).</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>West, south, east, north in degrees.</summary>
    public (double W, double S, double E, double N)? Box { get; init; }

    /// <summary>Fuzzy text on name and description.</summary>
    public string? Text { get; init; }

    /// <summary>Run by this organisation.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>Open at this instant by the opening hours, or holding a session then.</summary>
    public DateTimeOffset? OpenAt { get; init; }
}
