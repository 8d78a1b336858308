using Dapper;
using MakerMap.Data.Graph;
using MakerMap.Data.Places;

namespace MakerMap.Data.Tests.Places;

/// <summary>The nearest-places search of <c>Query.nearestPlaces</c> (<see cref="GraphRowQueries.NearestPlacesAsync"/>) against brute force.</summary>
[Trait("Category", "Db")]
public sealed class NearestPlaceRowsTests(PlacesDatabase db) : IClassFixture<PlacesDatabase>
{
    private Task<List<NearestRows.Hit>> FindNearestAsync(NearestPlacesQuery query) => NearestRows.FindAsync(db.DataSource, query);

    public static TheoryData<double, double, int> Points => new()
    {
        { 3.7250, 51.0543, 10 },   // Gent, Korenmarkt
        { 4.7005, 50.8798, 10 },   // Leuven
        { 3.2649, 50.8280, 100 },  // Kortrijk
        { 6.5, 52.0, 25 },         // outside Flanders: all places are far away
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task NearestPlacesAsync_matches_brute_force_order_and_metre_distances(double lon, double lat, int limit)
    {
        var found = await FindNearestAsync(new NearestPlacesQuery { Longitude = lon, Latitude = lat, Limit = limit });

        var expected = await BruteForceAsync(lon, lat, limit, "TRUE");
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
        Assert.All(found.Zip(expected), pair => Assert.Equal(pair.Second.Metres, pair.First.Metres, 6));
    }

    [Fact]
    public async Task NearestPlacesAsync_with_kinds_and_categories_matches_brute_force()
    {
        var query = new NearestPlacesQuery
        {
            Longitude = 3.7250,
            Latitude = 51.0543,
            Limit = 15,
            Kinds = ["repair_cafe", "give_box"],
            Categories = ["electro", "toys"],
        };

        var found = await FindNearestAsync(query);

        var expected = await BruteForceAsync(query.Longitude, query.Latitude, 15,
            "kind IN ('repair_cafe', 'give_box') AND categories && '{electro,toys}'");
        Assert.Equal(15, found.Count);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
        Assert.All(found, f => Assert.Contains(f.Kind, query.Kinds));
    }

    [Fact]
    public async Task NearestPlacesAsync_with_one_category_matches_brute_force()
    {
        var query = new NearestPlacesQuery { Longitude = 4.7005, Latitude = 50.8798, Limit = 12, Categories = ["toys"] };

        var found = await FindNearestAsync(query);

        var expected = await BruteForceAsync(query.Longitude, query.Latitude, 12, "categories && '{toys}'");
        Assert.Equal(12, found.Count);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
    }

    [Fact]
    public async Task NearestPlacesAsync_with_one_category_walks_that_categorys_own_index()
    {
        var statement = NearestSearch.Statement(new NearestPlacesQuery { Longitude = 3.72, Latitude = 51.05, Categories = ["toys"] });
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var plan = string.Join("\n", await connection.QueryAsync<string>(
            "EXPLAIN " + statement,
            new
            {
                lon = 3.72,
                lat = 51.05,
                limit = 10,
                kinds = (string[]?)null,
                wheelchair = (string[]?)null,
                max_distance = (double?)null,
                open_at = (DateTimeOffset?)null,
                open_values = (string[]?)null,
            }));

        Assert.DoesNotContain("@categories", statement, StringComparison.Ordinal);
        Assert.Contains("places_geog_toys_idx", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NearestPlacesAsync_with_max_distance_returns_only_places_within_it()
    {
        var query = new NearestPlacesQuery { Longitude = 4.7005, Latitude = 50.8798, Limit = 100, MaxDistanceMeters = 15_000 };

        var found = await FindNearestAsync(query);

        var expected = (await BruteForceAsync(query.Longitude, query.Latitude, 100, "TRUE")).Where(e => e.Metres <= 15_000).ToList();
        Assert.NotEmpty(found);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Id));
    }

    [Fact]
    public async Task NearestPlacesAsync_distance_is_in_metres_on_the_spheroid()
    {
        var place = (await FindNearestAsync(new NearestPlacesQuery { Longitude = 4.0, Latitude = 51.0, Limit = 1 }))[0];

        // Same place seen from 0.01 degrees of latitude (about 1.11 km) further north: not 0.01.
        var north = await FindNearestAsync(new NearestPlacesQuery { Longitude = place.Longitude, Latitude = place.Latitude + 0.01, Limit = 1 });

        Assert.Equal(place.Id, north[0].Id);
        Assert.InRange(north[0].Metres, 1110, 1115);
    }

    [Fact]
    public async Task NearestPlacesAsync_plan_uses_the_geography_index()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var plan = string.Join("\n", await connection.QueryAsync<string>(
            "EXPLAIN " + GraphSql.FindNearestPlaceRows,
            new
            {
                lon = 3.72,
                lat = 51.05,
                limit = 10,
                kinds = (string[]?)null,
                categories = (string[]?)null,
                wheelchair = (string[]?)null,
                max_distance = (double?)null,
                open_at = (DateTimeOffset?)null,
                open_values = (string[]?)null,
            }));

        Assert.Contains("places_geog_idx", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NearestPlacesAsync_with_more_places_tied_at_one_spot_than_it_returns_returns_the_lowest_ids()
    {
        // 40 places at one spot: the index's spare candidates cannot settle the ranking (all at the same
        // distance), so the search falls back to the radius pass; the 10 lowest ids of the 40, in
        // PostgreSQL's uuid order, are the only right answer.
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO places (slug, name, kind, categories, location, location_precision, source_code)
            SELECT 'tied-' || g, 'Tied ' || g, 'give_box', ARRAY['toys'], ST_SetSRID(ST_MakePoint(7.6, 53.4), 4326), 'approximate',
                   (SELECT code FROM data_sources ORDER BY code LIMIT 1)
              FROM generate_series(1, 40) AS g
            """);
        try
        {
            var found = await FindNearestAsync(new NearestPlacesQuery { Longitude = 7.61, Latitude = 53.41, Limit = 10 });

            var expected = await connection.QueryAsync<Guid>(
                "SELECT id FROM places ORDER BY ST_Distance(geog, ST_SetSRID(ST_MakePoint(7.61, 53.41), 4326)::geography), id LIMIT 10");
            Assert.Equal(expected, found.Select(f => f.Id));
            Assert.All(found, f => Assert.Equal(7.6, f.Longitude, 9));
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM places WHERE slug LIKE 'tied-%'");
        }
    }

    [Theory]
    [InlineData(181, 51, 10, null, "longitude", "longitude must be between -180 and 180 degrees, got 181.")]
    [InlineData(3, -90.5, 10, null, "latitude", "latitude must be between -90 and 90 degrees, got -90.5.")]
    [InlineData(3, double.NaN, 10, null, "latitude", "latitude must be between -90 and 90 degrees, got NaN.")]
    [InlineData(3, 51, 0, null, "first", "first must be between 1 and 100, got 0.")]
    [InlineData(3, 51, 101, null, "first", "first must be between 1 and 100, got 101.")]
    [InlineData(3, 51, 10, 0.0, "maxDistanceMeters", "maxDistanceMeters must be more than 0 and at most 20037509 metres, got 0.")]
    public async Task NearestPlacesAsync_with_bad_input_throws_typed_error(double lon, double lat, int limit, double? max, string field, string message)
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => FindNearestAsync(
            new NearestPlacesQuery { Longitude = lon, Latitude = lat, Limit = limit, MaxDistanceMeters = max }));

        Assert.Equal(DataValidationException.InvalidArgument, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task NearestPlacesAsync_with_unknown_kind_throws_typed_error()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => FindNearestAsync(
            new NearestPlacesQuery { Longitude = 3, Latitude = 51, Kinds = ["castle"] }));

        Assert.Equal("kinds", error.Field);
        Assert.StartsWith("kinds contains unknown value 'castle'. Allowed: bicycle_workshop, give_box,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacesAsync_returns_the_rows_of_known_ids_only()
    {
        Guid[] ids = [db.PlaceIds[7], Guid.NewGuid(), db.PlaceIds[3]];

        var rows = await new GraphRowQueries(db.DataSource).PlacesAsync(ids, () => new Dictionary<string, object?>(StringComparer.Ordinal),
            CancellationToken.None);

        Assert.Equal(new[] { db.PlaceIds[3], db.PlaceIds[7] }.Order(), rows.Select(r => (Guid)r["uuid"]!).Order());
        Assert.Equal("Place 007", rows.Single(r => (Guid)r["uuid"]! == db.PlaceIds[7])["name"]);
    }

    private async Task<List<(Guid Id, double Metres)>> BruteForceAsync(double lon, double lat, int limit, string filter)
    {
        // Every row's spheroid distance, sorted in C#: no index, no KNN operator.
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid, double)>(
            $"SELECT id, ST_Distance(geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) FROM places WHERE {filter}",
            new { lon, lat });
        return [.. rows.OrderBy(r => r.Item2).ThenBy(r => r.Item1).Take(limit)];
    }
}
