namespace MakerMap.Data.Seeding.Internal;

// The rows of the curated seed files, validated and ready for the upsert statements. Item is the
// position in the file (for error messages); references to other rows are slugs.

internal sealed record DataSourceRow(string Item, string Code, string Title, string? Url, string Licence, string Attribution, DateOnly? ReferenceDate);

internal sealed record OrganisationRow(string Item, string Slug, string Name, string Kind, string? Website, string? Email);

internal sealed record PlaceRow(
    string Item, string Slug, string Name, string Kind, string[] Categories, string GeometryJson,
    string LocationPrecision, string? LocationNote, string? StreetAddress, string? PostalCode, string? Locality,
    string CountryCode, string? Description, string DescriptionsJson, string DescriptionLanguage, string? Phone, string? Email, string? Website, string? OpeningHours,
    string Wheelchair, string[] Languages, string? Organisation, string Source, string? SourceUrl);

internal sealed record RequirementRow(string Code, string Description);

internal sealed record ResourceRow(
    string Item, string Slug, string HomePlace, string? Organisation, string Name, string Kind, string? Description,
    int Capacity, string BookingMode, bool IsMobile, bool RequiresApproval, string MinBooking, string MaxBooking,
    string ApprovalTimeout, string Source, IReadOnlyList<RequirementRow> Requirements);

internal sealed record ScheduleRow(
    string Item, string Slug, string Kind, string? Resource, string? Place, string Title, DateTime StartsLocal,
    string Duration, string TimeZone, string? Rrule, DateOnly[] ExcludedDates, int? Capacity, string Source, bool IsVerified);

internal sealed record AreaRow(
    string Level, string Code, string Name, string? MunicipalityNis, string? ParentCode, string? Region,
    string GeometryJson, int? Population, DateOnly? PopulationReferenceDate, string SourceCode);

internal sealed record StreetRow(
    int EdgeIndex, string Highway, string? Name, double LengthMeters, long Vertex1, long Vertex2, bool Oneway, bool FootAllowed,
    string GeometryJson);

/// <summary>Everything read from a seed directory, before any database work.</summary>
internal sealed record SeedSet(
    IReadOnlyList<DataSourceRow> DataSources,
    IReadOnlyList<OrganisationRow> Organisations,
    IReadOnlyList<PlaceRow> Places,
    IReadOnlyList<ResourceRow> Resources,
    IReadOnlyList<ScheduleRow> Schedules,
    IReadOnlyList<AreaRow> Areas);
