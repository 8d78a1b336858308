using System.Globalization;
using System.Text;

namespace MakerMap.Data.Seeding;

/// <summary>What one <see cref="SeedLoader.LoadAsync"/> call changed, per table.</summary>
public sealed class SeedReport
{
    private readonly SortedDictionary<string, TableCounts> _tables = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts per table. Keys are table names, and <c>areas:region</c>, <c>areas:province</c>,
    /// <c>areas:municipality</c>, <c>areas:neighbourhood</c> and <c>areas:sector</c> for the area levels.
    /// </summary>
    public IReadOnlyDictionary<string, TableCounts> Tables => _tables;

    /// <summary>The population refresh, when <see cref="SeedOptions.SectorPopulationCsv"/> was set.</summary>
    public PopulationRefreshReport? PopulationRefresh { get; internal set; }

    /// <summary>Rows inserted, updated or deleted over all tables, the population refresh included.</summary>
    public long Changes =>
        _tables.Values.Sum(t => t.Inserted + t.Updated + t.Deleted)
        + (PopulationRefresh is { } p ? p.SectorsUpdated + p.NeighbourhoodsUpdated + p.MunicipalitiesUpdated : 0);

    /// <summary>The counts of one table (all zero when the table was not touched).</summary>
    public TableCounts this[string table] => _tables.TryGetValue(table, out var counts) ? counts : default;

    internal void Add(string table, TableCounts counts) =>
        _tables[table] = _tables.TryGetValue(table, out var existing) ? existing + counts : counts;

    /// <summary>One line per table, e.g. <c>places: 47 inserted, 0 updated, 0 unchanged</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (table, counts) in _tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"{table}: {counts}").Append('\n');
        }
        if (PopulationRefresh is { } refresh)
        {
            text.Append(refresh.ToString()).Append('\n');
        }
        return text.ToString();
    }
}

/// <summary>Rows of one table that a seed run inserted, updated, left unchanged or deleted.</summary>
/// <param name="Inserted">New rows.</param>
/// <param name="Updated">Existing rows whose values changed.</param>
/// <param name="Unchanged">Rows in the seed files that already matched the database.</param>
/// <param name="Deleted">Rows removed because the seed files no longer list them (resource requirements only).</param>
public readonly record struct TableCounts(long Inserted, long Updated, long Unchanged, long Deleted = 0)
{
    /// <summary>Adds two counts.</summary>
    public static TableCounts operator +(TableCounts a, TableCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Deleted + b.Deleted);

    /// <summary>Adds two counts.</summary>
    public static TableCounts Add(TableCounts left, TableCounts right) => left + right;

    /// <summary>E.g. <c>47 inserted, 0 updated, 0 unchanged</c> (and deletions when there were any).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Inserted} inserted, {Updated} updated, {Unchanged} unchanged")
        + (Deleted > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Deleted} deleted") : "");
}

/// <summary>How a Statbel population-per-sector file was applied.</summary>
/// <param name="FileName">The CSV file's name.</param>
/// <param name="ReferenceDate">The date the population refers to.</param>
/// <param name="FileRows">Data rows in the file.</param>
/// <param name="SectorsUpdated">Sectors whose population or reference date changed.</param>
/// <param name="FileRowsWithoutSector">File rows whose code matches no sector polygon (e.g. <c>ZZZZ</c>, other regions).</param>
/// <param name="SectorsWithoutFileRow">Sectors the file has no row for; they keep their previous population.</param>
/// <param name="NeighbourhoodsUpdated">Neighbourhood totals that changed (0 unless totals were recomputed).</param>
/// <param name="MunicipalitiesUpdated">Municipality totals that changed (0 unless totals were recomputed).</param>
public sealed record PopulationRefreshReport(
    string FileName,
    DateOnly ReferenceDate,
    long FileRows,
    long SectorsUpdated,
    long FileRowsWithoutSector,
    long SectorsWithoutFileRow,
    long NeighbourhoodsUpdated,
    long MunicipalitiesUpdated)
{
    /// <summary>A one-line summary.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"population {FileName} ({ReferenceDate:yyyy-MM-dd}): {SectorsUpdated} sectors updated, {FileRowsWithoutSector} file rows without a sector, "
        + $"{SectorsWithoutFileRow} sectors without a file row, {NeighbourhoodsUpdated} neighbourhoods and {MunicipalitiesUpdated} municipalities recomputed");
}
