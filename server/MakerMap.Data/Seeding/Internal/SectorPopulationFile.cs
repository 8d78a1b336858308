using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// A Statbel population-per-sector file (<c>OPENDATA_SECTOREN_YYYY</c>) saved as CSV: sector code in
/// <c>CD_SECTOR</c>, residents in <c>TOTAL</c>. The seed's own <c>sector_code</c>/<c>population</c> column
/// names are accepted too.
/// </summary>
internal sealed partial record SectorPopulationFile(string FileName, DateOnly ReferenceDate, IReadOnlyList<(string Code, int Population)> Rows)
{
    public static SectorPopulationFile Read(string path, DateOnly? referenceDate)
    {
        var table = CsvTable.Read(path);
        var date = referenceDate ?? YearInName(table.FileName)
            ?? throw new SeedFileException(table.FileName, null,
                "the population's reference date is unknown: put the year in the file name (OPENDATA_SECTOREN_2024.csv) or pass --population-reference-date");
        int code = table.Column("CD_SECTOR", "sector_code"), total = table.Column("TOTAL", "population");
        var rows = new List<(string, int)>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in table.Rows)
        {
            var sector = table.Field(line, fields, code);
            var count = table.Field(line, fields, total);
            if (sector.Length == 0)
            {
                throw new SeedFileException(table.FileName, $"line {line}", "CD_SECTOR is empty");
            }
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                throw new SeedFileException(table.FileName, $"line {line}", $"TOTAL '{count}' is not a whole number");
            }
            if (!seen.Add(sector))
            {
                throw new SeedFileException(table.FileName, $"line {line}", $"sector {sector} appears more than once");
            }
            rows.Add((sector, population));
        }
        return new SectorPopulationFile(table.FileName, date, rows);
    }

    // Statbel counts residents on 1 January of the year in the file's name.
    private static DateOnly? YearInName(string fileName)
    {
        var matches = Year().Matches(Path.GetFileNameWithoutExtension(fileName));
        return matches.Count == 0 ? null : new DateOnly(int.Parse(matches[^1].Value, CultureInfo.InvariantCulture), 1, 1);
    }

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex Year();
}
