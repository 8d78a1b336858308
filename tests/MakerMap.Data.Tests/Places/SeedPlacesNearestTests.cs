using Dapper;
using MakerMap.Data.Places;
using MakerMap.Data.Seeding;
using MakerMap.Data.Tests.Seeding;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Places;

/// <summary>A migrated database holding the repository's curated seed data (no boundary areas).</summary>
public sealed class SeededPlacesDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedLoader.LoadAsync(DataSource, SeedLoaderTests.SeedDirectory(), new SeedOptions { LoadAreas = false }, CancellationToken.None);
    }
}

/// <summary>Nearest places on the real seed data agree with a brute-force scan of every row (issue 4, "Done when").</summary>
[Trait("Category", "Db")]
[Trait("Issue", "4")]
public sealed class SeedPlacesNearestTests(SeededPlacesDatabase db) : IClassFixture<SeededPlacesDatabase>
{

    public static TheoryData<string, double, double, int, string[]?, string[]?> Cases => new()
    {
        { "Gent, Korenmarkt", 3.7250, 51.0543, 10, null, null },
        { "Gent, Sint-Pieters", 3.7105, 51.0360, 100, null, null },
        { "Gent, Dampoort", 3.7420, 51.0560, 5, ["repair_cafe"], null },
        { "Gent, Korenmarkt", 3.7250, 51.0543, 10, null, ["electro"] },
        { "Leuven, Grote Markt", 4.7005, 50.8798, 10, null, null },
        { "Leuven, Grote Markt", 4.7005, 50.8798, 20, ["repair_cafe", "give_box"], ["textile", "bicycle"] },
        { "Brugge, Markt", 3.2247, 51.2093, 10, null, null },
        { "Brugge, Markt", 3.2247, 51.2093, 3, ["repair_cafe"], null },
        { "Kortrijk, Grote Markt", 3.2649, 50.8280, 10, null, null },
        { "Kortrijk, Grote Markt", 3.2649, 50.8280, 100, null, ["electro"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NearestPlacesAsync_on_seed_data_matches_brute_force_order_and_metres(
        string where, double lon, double lat, int limit, string[]? kinds, string[]? categories)
    {
        var found = await NearestRows.FindAsync(db.DataSource,
            new NearestPlacesQuery { Longitude = lon, Latitude = lat, Limit = limit, Kinds = kinds, Categories = categories });

        var expected = await BruteForceAsync(lon, lat, limit, kinds, categories);
        Assert.True(expected.Count > 0, where + ": the seed data has no matching place");
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
        Assert.All(found.Zip(expected), pair => Assert.Equal(pair.Second.Metres, pair.First.Metres, 6));
        Assert.All(found, f => Assert.True(kinds is null || kinds.Contains(f.Kind), where));
    }

    [Fact]
    public async Task NearestPlacesAsync_on_seed_data_with_max_distance_keeps_only_places_within_it()
    {
        var query = new NearestPlacesQuery { Longitude = 4.7005, Latitude = 50.8798, Limit = 100, MaxDistanceMeters = 2_000 };

        var found = await NearestRows.FindAsync(db.DataSource, query);

        var expected = (await BruteForceAsync(query.Longitude, query.Latitude, 100, null, null)).Where(e => e.Metres <= 2_000).ToList();
        Assert.NotEmpty(found);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
    }

    private async Task<List<(Guid Id, double Metres)>> BruteForceAsync(double lon, double lat, int limit, string[]? kinds, string[]? categories)
    {
        // Every row's spheroid distance, no index and no KNN operator; ties by id in PostgreSQL's uuid order
        // (co-located seed places, e.g. a give-box and a repair café in one neighbourhood centre, do tie).
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid, double)>(
            """
            SELECT id, ST_Distance(geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS metres
              FROM places
             WHERE (@kinds::text[] IS NULL OR kind = ANY (@kinds::text[]))
               AND (@categories::text[] IS NULL OR categories && @categories::text[])
             ORDER BY metres, id
             LIMIT @limit
            """,
            new { lon, lat, limit, kinds, categories });
        return [.. rows];
    }
}
