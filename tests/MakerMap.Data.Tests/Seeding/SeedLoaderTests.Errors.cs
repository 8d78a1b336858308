using MakerMap.Data.Seeding;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Seeding;

public sealed partial class SeedLoaderTests
{
    private static readonly string[] CuratedFiles =
        ["data-sources.json", "organisations.json", "places.geojson", "resources.json", "schedules.json"];

    private static readonly SeedOptions CuratedOnly = new() { LoadAreas = false };

    [Fact]
    public async Task LoadAsync_place_without_kind_names_file_feature_and_property_and_writes_nothing()
    {
        using var seed = new SeedCopy();
        seed.Edit("places.geojson", text => text.Replace(
            "\"name\": \"BROEI (Geeraard de Duivelsteen)\", \"kind\": \"maker_space\", ",
            "\"name\": \"BROEI (Geeraard de Duivelsteen)\", ", StringComparison.Ordinal));

        await AssertRejectedAsync(seed,
            "places.geojson: features[22] ('broei-duivelsteen'): property 'kind' is missing");
    }

    [Fact]
    public async Task LoadAsync_invalid_json_names_file_line_and_byte()
    {
        using var seed = new SeedCopy();
        File.WriteAllText(Path.Combine(seed.Directory, "organisations.json"), "[\n  { \"slug\": \"x\", }\n]\n");

        await AssertRejectedAsync(seed, "organisations.json: invalid JSON at line 2, byte 18");
    }

    [Fact]
    public async Task LoadAsync_resource_with_unknown_home_place_names_the_reference()
    {
        using var seed = new SeedCopy();
        seed.Edit("resources.json", text => text.Replace("\"home_place\": \"timelab\"", "\"home_place\": \"timelab-old\"", StringComparison.Ordinal));

        await AssertRejectedAsync(seed,
            "resources.json: [2] ('timelab-lasersnijder'): home_place 'timelab-old' is not defined in places.geojson");
    }

    [Fact]
    public async Task LoadAsync_row_the_database_rejects_rolls_back_everything_written_before()
    {
        using var seed = new SeedCopy();
        // The last place gets a kind the schema does not know: every earlier row was already written.
        seed.Edit("places.geojson", text => text.Replace("\"slug\": \"de-kringwinkel-halle\", \"name\": \"De Kringwinkel Halle\", \"kind\": \"reuse_centre\"",
            "\"slug\": \"de-kringwinkel-halle\", \"name\": \"De Kringwinkel Halle\", \"kind\": \"thrift_shop\"", StringComparison.Ordinal));

        await AssertRejectedAsync(seed,
            "places.geojson: features[46] ('de-kringwinkel-halle'): rejected by the database: "
            + "new row for relation \"places\" violates check constraint \"places_kind_check\" (constraint places_kind_check)");
    }

    private static async Task AssertRejectedAsync(SeedCopy seed, string expectedMessage)
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            var error = await Assert.ThrowsAsync<SeedFileException>(
                () => SeedLoader.LoadAsync(db.DataSource, seed.Directory, CuratedOnly, CancellationToken.None));

            Assert.Equal(expectedMessage, error.Message);
            // migration 0013 provides the API's own data source; the seed wrote nothing besides it
            Assert.Equal(0, await db.Data.CountAsync(
                "SELECT (SELECT count(*) FROM data_sources WHERE code <> 'makermap-api') + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM places)"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>A temporary copy of the curated seed files that a test may break.</summary>
    private sealed class SeedCopy : IDisposable
    {
        public SeedCopy()
        {
            Directory = Path.Combine(Path.GetTempPath(), "makermap-seed-" + Guid.NewGuid().ToString("N")[..12]);
            System.IO.Directory.CreateDirectory(Directory);
            foreach (var file in CuratedFiles)
            {
                File.Copy(Path.Combine(SeedDirectory(), file), Path.Combine(Directory, file));
            }
        }

        public string Directory { get; }

        public void Edit(string file, Func<string, string> edit)
        {
            var path = Path.Combine(Directory, file);
            var before = File.ReadAllText(path);
            var after = edit(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(path, after);
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
