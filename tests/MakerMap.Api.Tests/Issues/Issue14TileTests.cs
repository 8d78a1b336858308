using System.Globalization;
using System.Net;
using Dapper;
using MakerMap.Api.Schema;
using MakerMap.Api.Tests.Endpoints.Tiles;
using MakerMap.Data.Tiles;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 14: places tiles aggregate at low zoom. A tile's cluster counts plus its single places
/// equal the places that lie in the tile, for every filter, counted here independently of the server
/// (Web Mercator in C#, the filters in C#).
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "14")]
public sealed class Issue14TileTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>, IAsyncLifetime
{
    private sealed record Row(Guid Id, string Kind, string Categories, string Wheelchair, string? OpeningHours, double Lon, double Lat);

    private List<Row> _rows = [];

    public async Task InitializeAsync()
    {
        await factory.Database.Data.EnsureSourceAsync();
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        // 600 places scattered over about 40 × 30 km around Brussels, with every kind, a few
        // categories, wheelchair values and some open around the clock
        await connection.ExecuteAsync(
            """
            SELECT setseed(0.14);
            INSERT INTO places (slug, name, kind, categories, wheelchair, opening_hours, location, source_code)
            SELECT 'issue14-' || g, 'Issue 14 place ' || g,
                   (ARRAY['repair_cafe','give_box','maker_space','reuse_centre','sewing_atelier','tool_library',
                          'bicycle_workshop','repair_shop','other'])[1 + floor(random() * 9)::int],
                   CASE WHEN random() < 0.1 THEN ARRAY['jewellery'] WHEN random() < 0.5 THEN ARRAY['electro','textile']
                        ELSE ARRAY['bicycle'] END,
                   (ARRAY['yes','limited','no','unknown'])[1 + floor(random() * 4)::int],
                   CASE WHEN random() < 0.3 THEN '24/7' END,
                   ST_SetSRID(ST_MakePoint(4.10 + random() * 0.6, 50.70 + random() * 0.3), 4326), @source
              FROM generate_series(1, 600) AS g
            ON CONFLICT (slug) DO NOTHING
            """, new { source = TestData.SourceCode });
        _rows = await LoadRowsAsync("slug LIKE 'issue14-%'");
    }

    private async Task<List<Row>> LoadRowsAsync(string condition)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Row>(
            $"""
            SELECT id, kind, array_to_string(categories, ',') AS categories, wheelchair, opening_hours AS openinghours, ST_X(location) AS lon, ST_Y(location) AS lat
              FROM places WHERE {condition}
            """)).ToList();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, int> Filters => new()
    {
        // zooms 0-9 without a filter but kinds and wheelchair are cut from place_tile_grid (migrations
        // 0022, 0026), the others from the places themselves
        { "", 3 }, { "", 6 }, { "", 8 }, { "", 9 }, { "", 10 }, { "", 12 }, { "", 13 },
        { "?kinds=GIVE_BOX,repair_cafe", 7 },
        { "?kinds=GIVE_BOX,repair_cafe", 10 },
        { "?categories=JEWELLERY", 11 },
        { "?wheelchair=YES,LIMITED", 12 },
        // issue 15: the wheelchair filter, alone and with kinds, is cut from the grid up to zoom 9 too
        { "?wheelchair=YES,LIMITED", 5 },
        { "?wheelchair=limited,yes", 8 },
        { "?kinds=REPAIR_CAFE,GIVE_BOX&wheelchair=YES,LIMITED", 9 },
        { "?wheelchair=NO", 10 },
        { "?categories=ELECTRO&wheelchair=YES", 7 },
        { "?openNow=true", 10 },
        { "?kinds=MAKER_SPACE&categories=ELECTRO&openNow=false", 9 },
    };

    private static bool Passes(Row row, string query)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        bool In(string name, string value) => !parameters.TryGetValue(name, out var v)
            || v.ToString().Split(',').Any(listed => string.Equals(listed, value, StringComparison.OrdinalIgnoreCase));
        return In("kinds", row.Kind)
            && (!parameters.ContainsKey("categories") || row.Categories.Split(',').Any(c => In("categories", c)))
            && In("wheelchair", row.Wheelchair)
            && (!parameters.TryGetValue("openNow", out var open) || open != "true" || row.OpeningHours == "24/7");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Cluster_counts_and_single_places_of_each_tile_add_up_to_the_places_in_it(string query, int z)
    {
        // every place of the database, read now: a low-zoom tile also holds what other tests added
        var rows = await LoadRowsAsync("true");
        var expected = rows.Where(r => Passes(r, query))
            .GroupBy(r => { var t = TileMath.Locate(r.Lon, r.Lat, z); return (t.X, t.Y); })
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(expected);
        using var client = factory.CreateClient();

        foreach (var ((x, y), inTile) in expected)
        {
            using var response = await client.GetAsync(new Uri($"/tiles/places/{z}/{x}/{y}.mvt{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var layer = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
            var clusters = layer.Features.Where(f => f.Properties.ContainsKey("point_count")).ToList();
            var singles = layer.Features.Where(f => !f.Properties.ContainsKey("point_count")).ToList();

            Assert.Equal(inTile.Count, clusters.Sum(c => Number(c, "point_count")) + singles.Count);
            var ids = inTile.Select(r => GlobalId.Encode("Place", r.Id)).ToHashSet();
            Assert.All(singles, s => Assert.Contains((string)s.Properties["id"], ids));
            foreach (var cluster in clusters)
            {
                // the counts per kind add up to the cluster's count, and the box holds the places it counts
                var kinds = cluster.Properties.Where(p => p.Key.All(c => char.IsUpper(c) || c == '_'))
                    .Sum(p => Convert.ToInt64(p.Value, CultureInfo.InvariantCulture));
                Assert.Equal(Number(cluster, "point_count"), kinds);
                var inBox = inTile.Count(r => r.Lon >= Number(cluster, "west") && r.Lon <= Number(cluster, "east")
                    && r.Lat >= Number(cluster, "south") && r.Lat <= Number(cluster, "north"));
                Assert.True(inBox >= Number(cluster, "point_count"), $"the box of {cluster.Properties["id"]} holds its places");
            }
            if (z >= 14)
            {
                Assert.Empty(clusters);
            }
        }
        if (VectorTileQueries.ReadsFromGrid(z, FilterOf(query)))
        {
            // those tiles came from the per-cell counts, built from the places as they are now
            await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
            Assert.Equal(
                await connection.ExecuteScalarAsync<long>("SELECT revision FROM places_revision"),
                await connection.ExecuteScalarAsync<long>("SELECT revision FROM place_tile_grid_revision"));
        }
    }

    private static PlaceTileFilter FilterOf(string query)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string[]? List(string name) => parameters.TryGetValue(name, out var v) ? v.ToString().Split(',') : null;
        return new PlaceTileFilter(List("kinds"), List("categories"), List("wheelchair"),
            parameters.TryGetValue("openNow", out var open) && open == "true" ? DateTimeOffset.UtcNow : null);
    }

    [Fact]
    public async Task Above_zoom_13_every_place_is_its_own_feature()
    {
        var row = _rows[0];
        var tile = TileMath.Locate(row.Lon, row.Lat, 14);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/tiles/places/14/{tile.X}/{tile.Y}.mvt", UriKind.Relative));

        var layer = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain(layer.Features, f => f.Properties.ContainsKey("point_count"));
        Assert.Contains(layer.Features, f => Equals(f.Properties["id"], GlobalId.Encode("Place", row.Id)));
    }

    [Theory]
    [InlineData("?kind=GIVE_BOX", "kind")]
    [InlineData("?kinds=CASTLE", "kinds")]
    [InlineData("?openNow=soon", "openNow")]
    [InlineData("?kinds=GIVE_BOX&kinds=OTHER", "kinds")]
    public async Task A_places_tile_with_an_unknown_or_invalid_filter_is_400_INVALID_INPUT(string query, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/tiles/places/10/524/343.mvt{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"INVALID_INPUT\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"field\":\"{field}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_places_tile_is_cut_again_after_a_place_changes()
    {
        await using var cachingServer = factory.WithWebHostBuilder(builder => builder.UseSetting("Tiles:PlaceCacheMinutes", "10"));
        using var client = cachingServer.CreateClient();
        // far from the 600 places the other tests count
        var tile = TileMath.Locate(5.5, 51.0, 9);
        var uri = new Uri($"/tiles/places/9/{tile.X}/{tile.Y}.mvt", UriKind.Relative);
        using var first = await client.GetAsync(uri);
        using var again = await client.GetAsync(uri);

        await factory.Database.Data.PlaceAsync(5.5, 51.0, "give_box", [], "Issue 14 late give-box");
        using var after = await client.GetAsync(uri);

        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
    }

    private static double Number(MvtFeature feature, string property) =>
        Convert.ToDouble(feature.Properties[property], CultureInfo.InvariantCulture);
}
