using System.Globalization;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Reads the three boundary files into area rows: municipalities (population 2020 in the file),
/// neighbourhoods (population 2022 joined from the CSV on <c>code</c>) and statistical sectors
/// (population 2022 in the file). Each area's <c>source_code</c> names its geometry's source. A
/// municipality's parent is its province (see <see cref="AdministrativeDivisions"/>); provinces and
/// regions themselves are built in the database from the municipalities (<c>upsert_divisions.sql</c>).
/// </summary>
internal static class AreaReader
{
    public const string BoundarySource = "provinciesincijfers-gebiedsniveaus";
    public const string SectorSource = "bemaps-sectors-2021";

    public static List<AreaRow> Read(string directory)
    {
        var areas = new List<AreaRow>(13_000);
        using (var document = SeedFiles.Parse(directory, SeedFiles.Municipalities))
        {
            foreach (var (p, geometry) in SeedFiles.Features(document, SeedFiles.Municipalities, "Polygon", "MultiPolygon"))
            {
                var code = p.RequiredString("code");
                areas.Add(new AreaRow("municipality", code, p.RequiredString("name"), code, AdministrativeDivisions.ParentOfMunicipality(code),
                    p.OptionalString("region"), geometry, p.OptionalInt32("population"), p.OptionalDate("population_reference_date"), BoundarySource));
            }
        }
        var population = ReadNeighbourhoodPopulation(directory);
        using (var document = SeedFiles.Parse(directory, SeedFiles.Neighbourhoods))
        {
            foreach (var (p, geometry) in SeedFiles.Features(document, SeedFiles.Neighbourhoods, "Polygon", "MultiPolygon"))
            {
                var code = p.RequiredString("code");
                var nis = p.RequiredString("municipality_nis");
                population.TryGetValue(code, out var count);
                areas.Add(new AreaRow("neighbourhood", code, p.RequiredString("name"), nis, nis, p.OptionalString("region"),
                    geometry, count.Population, count.ReferenceDate, BoundarySource));
            }
        }
        using (var document = SeedFiles.Parse(directory, SeedFiles.Sectors))
        {
            foreach (var (p, geometry) in SeedFiles.Features(document, SeedFiles.Sectors, "Polygon", "MultiPolygon"))
            {
                areas.Add(new AreaRow("sector", p.RequiredString("sector_code"), p.RequiredString("sector_name"),
                    p.RequiredString("municipality_nis"), p.OptionalString("neighbourhood_code"), p.OptionalString("region"),
                    geometry, p.OptionalInt32("population"), p.OptionalDate("population_reference_date"), SectorSource));
            }
        }
        return areas;
    }

    private static Dictionary<string, (int? Population, DateOnly? ReferenceDate)> ReadNeighbourhoodPopulation(string directory)
    {
        var table = CsvTable.Read(Path.Combine(directory, SeedFiles.NeighbourhoodPopulation));
        int code = table.Column("code"), population = table.Column("population"), date = table.Column("population_reference_date");
        var result = new Dictionary<string, (int?, DateOnly?)>(StringComparer.Ordinal);
        foreach (var (line, fields) in table.Rows)
        {
            var count = table.Field(line, fields, population);
            var day = table.Field(line, fields, date);
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var residents))
            {
                throw new SeedFileException(table.FileName, $"line {line}", $"population '{count}' is not a whole number");
            }
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate))
            {
                throw new SeedFileException(table.FileName, $"line {line}", $"population_reference_date '{day}' is not a date like 2022-01-01");
            }
            result[table.Field(line, fields, code)] = (residents, referenceDate);
        }
        return result;
    }
}
