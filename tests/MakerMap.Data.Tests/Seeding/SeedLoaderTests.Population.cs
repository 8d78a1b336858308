using System.Text;
using Dapper;
using MakerMap.Data.Seeding;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Seeding;

public sealed partial class SeedLoaderTests
{
    [Fact]
    public async Task LoadAsync_with_statbel_sector_csv_updates_sectors_and_recomputes_totals()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        var directory = Path.Combine(Path.GetTempPath(), "makermap-pop-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), SeedOptions.Default, CancellationToken.None);
            await using var connection = await db.DataSource.OpenConnectionAsync();
            var gent = (await connection.QueryAsync<(string Code, int Population)>(
                "SELECT code, population FROM areas WHERE level = 'sector' AND municipality_nis = '44021' ORDER BY code")).ToList();
            Assert.Equal(201, gent.Count);

            // Statbel's text export: pipe-separated, CD_SECTOR and TOTAL among other columns; every Gent sector
            // gains 10 residents, plus the not-localisable row and a sector outside Flanders.
            var csv = new StringBuilder("CD_REFNIS|CD_SECTOR|TOTAL|TX_DESCR_NL\n");
            foreach (var (code, population) in gent)
            {
                csv.Append("44021|").Append(code).Append('|').Append(population + 10).Append("|\"Gent, sector\"\n");
            }
            csv.Append("44021|44021ZZZZ|257|Onbekend\n").Append("62063|62063A00-|1234|Liège\n");
            var path = Path.Combine(directory, "OPENDATA_SECTOREN_2024.csv");
            await File.WriteAllTextAsync(path, csv.ToString());

            var report = await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(),
                SeedOptions.Default with { SectorPopulationCsv = path }, CancellationToken.None);

            Assert.Equal(0, report["areas:sector"].Updated);
            Assert.Equal(
                new PopulationRefreshReport("OPENDATA_SECTOREN_2024.csv", new DateOnly(2024, 1, 1), FileRows: 203, SectorsUpdated: 201,
                    FileRowsWithoutSector: 2, SectorsWithoutFileRow: 9879 - 201, NeighbourhoodsUpdated: 25, MunicipalitiesUpdated: 1),
                report.PopulationRefresh);
            Assert.Equal(264_829 + 2_010, await connection.ExecuteScalarAsync<long>(
                "SELECT sum(population) FROM areas WHERE level = 'sector' AND municipality_nis = '44021' AND population_reference_date = '2024-01-01'"));
            Assert.Equal(264_829 + 2_010, await connection.ExecuteScalarAsync<long>(
                "SELECT population FROM areas WHERE level = 'municipality' AND code = '44021'"));
            Assert.Equal(await connection.ExecuteScalarAsync<long>(
                    "SELECT sum(population) FROM areas WHERE level = 'sector' AND parent_code = '440211'"),
                await connection.ExecuteScalarAsync<long>("SELECT population FROM areas WHERE level = 'neighbourhood' AND code = '440211'"));

            // A plain reload keeps the newer population instead of restoring the 2022 figures from the files.
            var reload = await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), SeedOptions.Default, CancellationToken.None);
            Assert.Equal(0, reload.Changes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            await db.DisposeAsync();
        }
    }

    [Fact]
    public void Parse_seed_command_line_reads_sector_population_and_reference_date()
    {
        var command = SeedCommandLine.Parse(["--sector-population", "OPENDATA_SECTOREN_2024.csv", "--population-reference-date", "2024-01-01"]);

        Assert.Null(command.SeedDirectory);
        Assert.Equal("OPENDATA_SECTOREN_2024.csv", command.Options.SectorPopulationCsv);
        Assert.Equal(new DateOnly(2024, 1, 1), command.Options.PopulationReferenceDate);
        Assert.True(command.Options.RecomputeTotals);
        Assert.Equal("--sector-population needs a value. (Parameter 'args')",
            Assert.Throws<ArgumentException>(() => SeedCommandLine.Parse(["--sector-population"])).Message);
    }
}
