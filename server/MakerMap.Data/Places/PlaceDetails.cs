namespace MakerMap.Data.Places;

/// <summary>A postal address as stored on a place.</summary>
/// <param name="Street">Street and house number.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Locality">City, town or village.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2; <c>BE</c> when null.</param>
public sealed record PostalAddress(string? Street, string? PostalCode, string? Locality, string? CountryCode);

/// <summary>A new place. Enum values are as stored (lower case, e.g. <c>repair_cafe</c>).</summary>
public sealed record NewPlace
{
    /// <summary>The organisation that runs it.</summary>
    public required Guid? OrganisationId { get; init; }

    /// <summary>1 to 300 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Readable key; derived from the name when null.</summary>
    public string? Slug { get; init; }

    /// <summary>One of <see cref="PlaceVocabulary.Kinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Values of <see cref="PlaceVocabulary.Categories"/>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>WGS 84 longitude.</summary>
    public required double Longitude { get; init; }

    /// <summary>WGS 84 latitude.</summary>
    public required double Latitude { get; init; }

    /// <summary><c>surveyed</c>, <c>address</c> or <c>approximate</c>.</summary>
    public string LocationPrecision { get; init; } = "address";

    /// <summary>Why the location is approximate, or how to find the entrance.</summary>
    public string? LocationNote { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Contact address.</summary>
    public string? Email { get; init; }

    /// <summary>Website URL.</summary>
    public string? Website { get; init; }

    /// <summary>OpenStreetMap <c>opening_hours</c> text.</summary>
    public string? OpeningHours { get; init; }

    /// <summary><c>yes</c>, <c>limited</c>, <c>no</c> or <c>unknown</c>.</summary>
    public string Wheelchair { get; init; } = "unknown";

    /// <summary>ISO 639-1 codes.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["nl"];
}

/// <summary>Changes to a place; see <see cref="Change{T}"/> for left-out versus cleared.</summary>
public sealed record PlaceChanges
{
    /// <summary>New name (cannot be cleared).</summary>
    public Change<string?>? Name { get; init; }

    /// <summary>New kind (cannot be cleared).</summary>
    public Change<string?>? Kind { get; init; }

    /// <summary>New categories; null clears them.</summary>
    public Change<IReadOnlyList<string>?>? Categories { get; init; }

    /// <summary>New location (cannot be cleared).</summary>
    public Change<(double Longitude, double Latitude)?>? Location { get; init; }

    /// <summary>New precision (cannot be cleared).</summary>
    public Change<string?>? LocationPrecision { get; init; }

    /// <summary>New location note.</summary>
    public Change<string?>? LocationNote { get; init; }

    /// <summary>New address (replaces all its parts; null clears it).</summary>
    public Change<PostalAddress?>? Address { get; init; }

    /// <summary>New description.</summary>
    public Change<string?>? Description { get; init; }

    /// <summary>New phone number.</summary>
    public Change<string?>? Phone { get; init; }

    /// <summary>New e-mail address.</summary>
    public Change<string?>? Email { get; init; }

    /// <summary>New website.</summary>
    public Change<string?>? Website { get; init; }

    /// <summary>New opening hours.</summary>
    public Change<string?>? OpeningHours { get; init; }

    /// <summary>New wheelchair access; null means <c>unknown</c>.</summary>
    public Change<string?>? Wheelchair { get; init; }

    /// <summary>New languages; null clears them.</summary>
    public Change<IReadOnlyList<string>?>? Languages { get; init; }
}
