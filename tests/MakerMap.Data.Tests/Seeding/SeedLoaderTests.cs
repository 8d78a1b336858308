using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using MakerMap.Data.Seeding;
using MakerMap.TestSupport;
using Xunit.Abstractions;

namespace MakerMap.Data.Tests.Seeding;

[Trait("Category", "Db")]
public sealed partial class SeedLoaderTests(ITestOutputHelper output)
{
    // Every physical place issue 2 names, by slug.
    private static readonly string[] NamedPlaces =
    [
        "weggeefkast-bloemekenswijk", "weggeefkast-nieuw-gent", "weggeefkast-sluizeken", "weggeefkast-gentbrugge",
        "weggeefkast-rooigem", "weggeefkast-muide", "weggeefkast-brugse-poort", "doorgeefbazaar-dampoort",
        "repair-cafe-bloemekenswijk", "repair-cafe-nieuw-gent", "repair-cafe-sluizeken", "repair-cafe-gentbrugge",
        "repair-cafe-rooigem", "repair-cafe-muide", "repair-cafe-brugse-poort",
        "naaiatelier-bloemekenswijk", "naaiatelier-nieuw-gent", "naaiatelier-sluizeken", "naaiatelier-gentbrugge",
        "naaiatelier-rooigem", "naaiatelier-muide", "naaiatelier-brugse-poort",
        "broei-duivelsteen", "timelab", "budafabriek", "atelier-groot-eiland", "t2-campus", "makerswijk-arsenaal",
        "impact-factory-mechelen", "innovation-powerhouse-eindhoven", "rotterdam-makers-district", "maakleerplek-leuven",
        "repair-cafe-leuven-de-ruimtevaart", "repair-cafe-kessel-lo", "repair-cafe-heverlee", "repair-cafe-wilsele",
        "repair-cafe-wijgmaal", "maakbar-leuven", "fablab-leuven",
        "de-kringwinkel-brugge", "de-kringwinkel-leuven", "de-kringwinkel-tienen", "de-kringwinkel-aarschot",
        "de-kringwinkel-diest", "de-kringwinkel-vilvoorde", "de-kringwinkel-halle",
    ];

    internal static string SeedDirectory([CallerFilePath] string thisFile = "") =>
        SeedLoader.FindSeedDirectory(Path.GetDirectoryName(thisFile)!)
        ?? throw new InvalidOperationException("seed-data/ not found above " + thisFile);

    [Fact]
    public async Task LoadAsync_repository_seed_data_loads_every_named_place_and_all_areas()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var report = await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), SeedOptions.Default, CancellationToken.None);
            output.WriteLine($"first load took {stopwatch.Elapsed.TotalSeconds:F1} s:\n{report}");

            Assert.Equal(new TableCounts(6, 0, 0), report["data_sources"]);
            Assert.Equal(new TableCounts(8, 0, 0), report["organisations"]);
            Assert.Equal(new TableCounts(47, 0, 0), report["places"]);
            Assert.Equal(new TableCounts(9, 0, 0), report["resources"]);
            Assert.Equal(new TableCounts(5, 0, 0), report["resource_requirements"]);
            Assert.Equal(new TableCounts(23, 0, 0), report["schedules"]);
            Assert.Equal(new TableCounts(319, 0, 0), report["areas:municipality"]);
            Assert.Equal(new TableCounts(2730, 0, 0), report["areas:neighbourhood"]);
            Assert.Equal(new TableCounts(9879, 0, 0), report["areas:sector"]);
            Assert.Equal(new TableCounts(29_620, 0, 0), report["street_segments"]);
            Assert.Equal(new TableCounts(5, 0, 0), report["areas:province"]);
            Assert.Equal(new TableCounts(2, 0, 0), report["areas:region"]);

            await using var connection = await db.DataSource.OpenConnectionAsync();
            var slugs = (await connection.QueryAsync<string>("SELECT slug FROM places")).ToHashSet(StringComparer.Ordinal);
            var missing = NamedPlaces.Where(slug => !slugs.Contains(slug)).ToList();
            Assert.Empty(missing);
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM places WHERE location_precision = 'approximate' AND location_note IS NULL"));
            Assert.Equal(264_829, await connection.ExecuteScalarAsync<long>(
                "SELECT sum(population) FROM areas WHERE level = 'sector' AND municipality_nis = '44021'"));
            Assert.Equal(264_829, await connection.ExecuteScalarAsync<long>(
                "SELECT sum(population) FROM areas WHERE level = 'neighbourhood' AND municipality_nis = '44021'"));
            Assert.Equal(263_927, await connection.ExecuteScalarAsync<long>(
                "SELECT population FROM areas WHERE level = 'municipality' AND code = '44021'"));
            Assert.Equal(["tow_hitch", "extra_number_plates"], (await connection.QueryAsync<string>(
                """
                SELECT q.code FROM resource_requirements q JOIN resources r ON r.id = q.resource_id
                 WHERE r.slug = 'caravan-doorgeefbazaar-dampoort' ORDER BY q.code DESC
                """)).ToArray());
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schedules WHERE is_verified"));
            // PROVENANCE.md's check: the streets nearest to Sint-Baafskathedraal
            Assert.Contains("Sint-Baafsplein", await connection.QueryAsync<string>(
                """
                SELECT name FROM street_segments WHERE name IS NOT NULL
                 ORDER BY geom <-> ST_SetSRID(ST_MakePoint(3.7266, 51.0530), 4326) LIMIT 3
                """));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task LoadAsync_twice_reports_no_changes_and_leaves_rows_untouched()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), SeedOptions.Default, CancellationToken.None);
            var before = await SnapshotAsync(db);

            var stopwatch = Stopwatch.StartNew();
            var second = await SeedLoader.LoadAsync(db.DataSource, SeedDirectory(), SeedOptions.Default, CancellationToken.None);
            output.WriteLine($"second load took {stopwatch.Elapsed.TotalSeconds:F1} s");

            Assert.Equal(0, second.Changes);
            Assert.Equal(new TableCounts(0, 0, 47), second["places"]);
            Assert.Equal(new TableCounts(0, 0, 9879), second["areas:sector"]);
            Assert.Equal(new TableCounts(0, 0, 29_620), second["street_segments"]);
            Assert.Equal(new TableCounts(0, 0, 5), second["areas:province"]);
            Assert.Equal(before, await SnapshotAsync(db));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task LoadAsync_after_editing_one_place_updates_only_that_place()
    {
        using var seed = new SeedCopy();
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            await SeedLoader.LoadAsync(db.DataSource, seed.Directory, CuratedOnly, CancellationToken.None);
            seed.Edit("places.geojson", text => text.Replace("Kogelstraat 34", "Kogelstraat 36", StringComparison.Ordinal));

            var report = await SeedLoader.LoadAsync(db.DataSource, seed.Directory, CuratedOnly, CancellationToken.None);

            Assert.Equal(new TableCounts(0, 1, 46), report["places"]);
            Assert.Equal(1, report.Changes);
            Assert.Equal(1, await db.Data.CountAsync(
                "SELECT count(*) FROM places WHERE updated_at > created_at AND slug = 'timelab' AND street_address = 'Kogelstraat 36'"));
            Assert.Equal(1, await db.Data.CountAsync("SELECT count(*) FROM places WHERE updated_at > created_at"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    // The row versions (xmin) and timestamps of every seeded table, hashed per table.
    private static async Task<string> SnapshotAsync(TestDatabase db)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            SELECT concat_ws(' ',
                (SELECT md5(string_agg(code || ':' || xmin::text, ',' ORDER BY code)) FROM data_sources),
                (SELECT md5(string_agg(slug || ':' || xmin::text, ',' ORDER BY slug)) FROM organisations),
                (SELECT md5(string_agg(slug || ':' || xmin::text || ':' || updated_at::text, ',' ORDER BY slug)) FROM places),
                (SELECT md5(string_agg(slug || ':' || xmin::text || ':' || updated_at::text, ',' ORDER BY slug)) FROM resources),
                (SELECT md5(string_agg(code || ':' || xmin::text, ',' ORDER BY resource_id, code)) FROM resource_requirements),
                (SELECT md5(string_agg(slug || ':' || xmin::text, ',' ORDER BY slug)) FROM schedules),
                (SELECT md5(string_agg(level || code || ':' || xmin::text, ',' ORDER BY level, code)) FROM areas),
                (SELECT md5(string_agg(edge_index || ':' || xmin::text, ',' ORDER BY edge_index)) FROM street_segments))
            """) ?? "";
    }
}
