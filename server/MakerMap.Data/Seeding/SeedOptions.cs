namespace MakerMap.Data.Seeding;

/// <summary>What a seed run does besides loading the files in the seed directory.</summary>
public sealed record SeedOptions
{
    /// <summary>The options of a plain seed run: every file, no population refresh.</summary>
    public static SeedOptions Default { get; } = new();

    /// <summary>
    /// Whether to load the boundary files (municipalities, neighbourhoods, statistical sectors; about 13,000
    /// areas) and the street network (about 30,000 edges). Tests of the curated files alone may switch it off.
    /// </summary>
    public bool LoadAreas { get; init; } = true;

    /// <summary>
    /// Path of a Statbel population-per-sector file saved as CSV (<c>OPENDATA_SECTOREN_YYYY</c>, columns
    /// <c>CD_SECTOR</c> and <c>TOTAL</c>; comma, semicolon, tab or pipe separated). When set, sector
    /// populations are refreshed from it after the seed files are loaded.
    /// </summary>
    public string? SectorPopulationCsv { get; init; }

    /// <summary>
    /// The date the refreshed population refers to. When null it is 1 January of the last year in the
    /// file name (Statbel counts residents on 1 January), e.g. <c>OPENDATA_SECTOREN_2024.csv</c> gives 2024-01-01.
    /// </summary>
    public DateOnly? PopulationReferenceDate { get; init; }

    /// <summary>
    /// Whether a population refresh also sets each neighbourhood and municipality that holds a refreshed sector
    /// to the sum of its sectors, dated by its oldest sector (default). Sectors without a polygon, such as
    /// Statbel's not-localisable <c>ZZZZ</c> rows, are not in those sums.
    /// </summary>
    public bool RecomputeTotals { get; init; } = true;
}
