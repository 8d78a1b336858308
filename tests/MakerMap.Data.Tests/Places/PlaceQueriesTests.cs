using Dapper;
using MakerMap.Data.Places;

namespace MakerMap.Data.Tests.Places;

[Trait("Category", "Db")]
public sealed class PlaceQueriesTests(PlacesDatabase db) : IClassFixture<PlacesDatabase>
{
    private readonly PlaceQueries _places = new(db.DataSource);

    public static TheoryData<double, double, int> Points => new()
    {
        { 3.7250, 51.0543, 10 },   // Gent, Korenmarkt
        { 4.7005, 50.8798, 10 },   // Leuven
        { 3.2649, 50.8280, 100 },  // Kortrijk
        { 6.5, 52.0, 25 },         // outside Flanders: all places are far away
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task FindNearestAsync_matches_brute_force_order_and_metre_distances(double lon, double lat, int limit)
    {
        var found = await _places.FindNearestAsync(new NearestPlacesQuery { Longitude = lon, Latitude = lat, Limit = limit }, CancellationToken.None);

        var expected = await BruteForceAsync(lon, lat, limit, "TRUE");
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Place.Id));
        Assert.All(found.Zip(expected), pair => Assert.Equal(pair.Second.Metres, pair.First.DistanceMeters, 6));
    }

    [Fact]
    public async Task FindNearestAsync_with_kinds_and_categories_matches_brute_force()
    {
        var query = new NearestPlacesQuery
        {
            Longitude = 3.7250,
            Latitude = 51.0543,
            Limit = 15,
            Kinds = ["repair_cafe", "give_box"],
            Categories = ["electro", "toys"],
        };

        var found = await _places.FindNearestAsync(query, CancellationToken.None);

        var expected = await BruteForceAsync(query.Longitude, query.Latitude, 15,
            "kind IN ('repair_cafe', 'give_box') AND categories && '{electro,toys}'");
        Assert.Equal(15, found.Count);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Place.Id));
        Assert.All(found, f => Assert.Contains(f.Place.Kind, query.Kinds));
    }

    [Fact]
    public async Task FindNearestAsync_with_max_distance_returns_only_places_within_it()
    {
        var query = new NearestPlacesQuery { Longitude = 4.7005, Latitude = 50.8798, Limit = 100, MaxDistanceMeters = 15_000 };

        var found = await _places.FindNearestAsync(query, CancellationToken.None);

        var expected = (await BruteForceAsync(query.Longitude, query.Latitude, 100, "TRUE")).Where(e => e.Metres <= 15_000).ToList();
        Assert.NotEmpty(found);
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Place.Id));
    }

    [Fact]
    public async Task FindNearestAsync_distance_is_in_metres_on_the_spheroid()
    {
        var place = (await _places.FindNearestAsync(new NearestPlacesQuery { Longitude = 4.0, Latitude = 51.0, Limit = 1 }, CancellationToken.None))[0];

        // Same place seen from 0.01 degrees of latitude (about 1.11 km) further north: not 0.01.
        var north = await _places.FindNearestAsync(
            new NearestPlacesQuery { Longitude = place.Place.Longitude, Latitude = place.Place.Latitude + 0.01, Limit = 1 }, CancellationToken.None);

        Assert.Equal(place.Place.Id, north[0].Place.Id);
        Assert.InRange(north[0].DistanceMeters, 1110, 1115);
    }

    [Fact]
    public async Task FindNearestAsync_plan_uses_the_geography_index()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var plan = string.Join("\n", await connection.QueryAsync<string>(
            "EXPLAIN " + PlaceSql.FindNearest,
            new { lon = 3.72, lat = 51.05, limit = 10, kinds = (string[]?)null, categories = (string[]?)null, max_distance = (double?)null }));

        Assert.Contains("places_geog_idx", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(181, 51, 10, null, "longitude", "longitude must be between -180 and 180 degrees, got 181.")]
    [InlineData(3, -90.5, 10, null, "latitude", "latitude must be between -90 and 90 degrees, got -90.5.")]
    [InlineData(3, double.NaN, 10, null, "latitude", "latitude must be between -90 and 90 degrees, got NaN.")]
    [InlineData(3, 51, 0, null, "limit", "limit must be between 1 and 100, got 0.")]
    [InlineData(3, 51, 101, null, "limit", "limit must be between 1 and 100, got 101.")]
    [InlineData(3, 51, 10, 0.0, "maxDistanceMeters", "maxDistanceMeters must be more than 0 and at most 20037509 metres, got 0.")]
    public async Task FindNearestAsync_with_bad_input_throws_typed_error(double lon, double lat, int limit, double? max, string field, string message)
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => _places.FindNearestAsync(
            new NearestPlacesQuery { Longitude = lon, Latitude = lat, Limit = limit, MaxDistanceMeters = max }, CancellationToken.None));

        Assert.Equal(DataValidationException.InvalidArgument, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task FindNearestAsync_with_unknown_kind_throws_typed_error()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => _places.FindNearestAsync(
            new NearestPlacesQuery { Longitude = 3, Latitude = 51, Kinds = ["castle"] }, CancellationToken.None));

        Assert.Equal("kinds", error.Field);
        Assert.StartsWith("kinds contains unknown value 'castle'. Allowed: bicycle_workshop, give_box,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetByIdsAsync_returns_places_in_requested_order_without_unknown_ids()
    {
        Guid[] ids = [db.PlaceIds[7], Guid.NewGuid(), db.PlaceIds[3]];

        var places = await _places.GetByIdsAsync(ids, CancellationToken.None);

        Assert.Equal([db.PlaceIds[7], db.PlaceIds[3]], places.Select(p => p.Id));
        Assert.Equal("Place 007", places[0].Name);
        Assert.Equal(4326, places[0].Location.SRID);
    }

    [Fact]
    public async Task FindInBoundingBoxAsync_returns_exactly_the_places_inside()
    {
        var query = new BoundingBoxQuery { West = 3.5, South = 50.9, East = 4.0, North = 51.2 };

        var found = await _places.FindInBoundingBoxAsync(query, CancellationToken.None);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var expected = await connection.QueryAsync<Guid>(
            "SELECT id FROM places WHERE ST_X(location) BETWEEN 3.5 AND 4.0 AND ST_Y(location) BETWEEN 50.9 AND 51.2");
        Assert.NotEmpty(found);
        Assert.Equal(expected.Order(), found.Select(p => p.Id).Order());
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
