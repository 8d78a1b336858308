using System.Net;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>nearestPlaces, places, place and node through HTTP against PostGIS.</summary>
[Trait("Category", "Db")]
public sealed class PlacesQueryTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Nearest = """
        query($near: GeoPointInput!, $first: Int, $kinds: [PlaceKind!], $categories: [RepairCategory!]) {
          nearestPlaces(near: $near, first: $first, kinds: $kinds, categories: $categories) {
            distanceMeters place { id name kind categories coordinates { longitude latitude } location }
          }
        }
        """;

    private static readonly string[] RepairCafe = ["REPAIR_CAFE"];
    private static readonly string[] RepairShop = ["REPAIR_SHOP"];
    private static readonly string[] Electro = ["ELECTRO"];

    private readonly GraphQLTestClient _client = new(factory);

    // Each test works around its own point in an empty part of the South Pacific.
    private static (double Lon, double Lat) Origin() => (-150 + Random.Shared.NextDouble() * 20, -45 + Random.Shared.NextDouble() * 10);

    [Fact]
    public async Task NearestPlaces_returns_nearest_first_with_spheroid_metres()
    {
        var (lon, lat) = Origin();
        var data = factory.Database.Data;
        var far = await data.PlaceAsync(lon + 0.03, lat, name: "Far");
        var near = await data.PlaceAsync(lon + 0.001, lat, name: "Near");
        var middle = await data.PlaceAsync(lon, lat + 0.01, name: "Middle");

        var response = await _client.PostAsync(Nearest, new { near = new { longitude = lon, latitude = lat }, first = 3 });
        var expected = new List<double>();
        foreach (var place in (Guid[])[near, middle, far])
        {
            // PostGIS's own spheroid distance, without the search
            await using var distance = factory.Database.DataSource.CreateCommand(
                "SELECT ST_Distance(geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) FROM places WHERE id = @id");
            distance.Parameters.AddWithValue("lon", lon);
            distance.Parameters.AddWithValue("lat", lat);
            distance.Parameters.AddWithValue("id", place);
            expected.Add((double)(await distance.ExecuteScalarAsync())!);
        }

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors);
        var hits = response.Data.GetProperty("nearestPlaces").EnumerateArray().ToList();
        Assert.Equal([near, middle, far], hits.Select(h => GraphQLTestClient.Uuid(h.GetProperty("place").GetProperty("id").GetString()!)));
        Assert.Equal(expected, hits.Select(h => h.GetProperty("distanceMeters").GetDouble()));
        Assert.Equal("REPAIR_CAFE", hits[0].GetProperty("place").GetProperty("kind").GetString());
        Assert.Equal("Point", hits[0].GetProperty("place").GetProperty("location").GetProperty("type").GetString());
        Assert.Equal(lon + 0.001, hits[0].GetProperty("place").GetProperty("coordinates").GetProperty("longitude").GetDouble(), 9);
    }

    [Fact]
    public async Task NearestPlaces_keeps_only_the_kinds_and_categories_asked_for()
    {
        var (lon, lat) = Origin();
        var data = factory.Database.Data;
        await data.PlaceAsync(lon + 0.001, lat, "repair_cafe", ["textile"]);
        var electro = await data.PlaceAsync(lon + 0.002, lat, "repair_cafe", ["electro", "toys"]);
        var shop = await data.PlaceAsync(lon + 0.003, lat, "repair_shop", ["electro"]);

        var cafes = await _client.PostAsync(Nearest, new { near = new { longitude = lon, latitude = lat }, first = 1, kinds = RepairCafe, categories = Electro });
        var shops = await _client.PostAsync(Nearest, new { near = new { longitude = lon, latitude = lat }, first = 1, kinds = RepairShop });

        Assert.Equal(electro, GraphQLTestClient.Uuid(cafes.Data.GetProperty("nearestPlaces")[0].GetProperty("place").GetProperty("id").GetString()!));
        Assert.Equal(shop, GraphQLTestClient.Uuid(shops.Data.GetProperty("nearestPlaces")[0].GetProperty("place").GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task NearestPlaces_with_a_latitude_out_of_range_is_BAD_USER_INPUT()
    {
        var response = await _client.PostAsync(Nearest, new { near = new { longitude = 3.72, latitude = 91.0 } });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("The latitude must be between -90 and 90 degrees, got 91.", response.FirstError.GetProperty("message").GetString());
        Assert.Equal("INVALID_COORDINATES", response.FirstError.GetProperty("extensions").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_wrong_argument_type_fails_validation_with_status_400()
    {
        var response = await _client.PostAsync("{ nearestPlaces(near: {longitude: \"east\", latitude: 51}) { distanceMeters } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Place_and_node_resolve_global_ids_unknown_ids_give_null_and_malformed_ids_fail()
    {
        var (lon, lat) = Origin();
        var id = await factory.Database.Data.PlaceAsync(lon, lat, name: "Node place");
        const string Query = "query($id: ID!) { place(id: $id) { name } node(id: $id) { id ... on Place { slug } } }";

        var known = await _client.PostAsync(Query, new { id = GraphQLTestClient.Id("Place", id) });
        var unknown = await _client.PostAsync(Query, new { id = GraphQLTestClient.Id("Place", Guid.NewGuid()) });
        var malformed = await _client.PostAsync(Query, new { id = "not-a-global-id" });

        Assert.Equal("Node place", known.Data.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal(GraphQLTestClient.Id("Place", id), known.Data.GetProperty("node").GetProperty("id").GetString());
        Assert.False(unknown.HasErrors);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unknown.Data.GetProperty("place").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unknown.Data.GetProperty("node").ValueKind);
        Assert.Equal("BAD_USER_INPUT", malformed.FirstErrorCode);
    }

    [Fact]
    public async Task Places_pages_by_name_with_opaque_cursors_and_a_total()
    {
        var (lon, lat) = Origin();
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        foreach (var name in new[] { "C place", "A place", "B place" })
        {
            var place = await data.PlaceAsync(lon, lat, name: name);
            await _client.ExecuteSqlAsync("UPDATE places SET organisation_id = @o WHERE id = @p", ("o", organisation), ("p", place));
        }
        const string Query = """
            query($org: ID!, $after: String) {
              places(filter: { organisationId: $org }, first: 2, after: $after) {
                totalCount nodes { name } pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var org = GraphQLTestClient.Id("Organisation", organisation);

        var first = (await _client.PostAsync(Query, new { org })).Data.GetProperty("places");
        var second = (await _client.PostAsync(Query, new { org, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).Data.GetProperty("places");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(["A place", "B place"], first.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["C place"], second.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(3, second.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task NearestPlaces_openAt_keeps_places_open_by_their_hours()
    {
        var (lon, lat) = Origin();
        var data = factory.Database.Data;
        var weekdays = await data.PlaceAsync(lon + 0.001, lat, name: "Weekdays");
        var always = await data.PlaceAsync(lon + 0.002, lat, name: "Always");
        await data.PlaceAsync(lon + 0.003, lat, name: "Unknown hours");
        await _client.ExecuteSqlAsync("UPDATE places SET opening_hours = 'Mo-Fr 09:00-17:00' WHERE id = @p", ("p", weekdays));
        await _client.ExecuteSqlAsync("UPDATE places SET opening_hours = 'Mo-Su 00:00-24:00' WHERE id = @p", ("p", always));
        const string Query = """
            query($near: GeoPointInput!, $at: DateTime!) {
              nearestPlaces(near: $near, first: 3, openAt: $at, maxDistanceMeters: 1000) {
                place { name isOpenAt(at: $at) openingHours { isComplete weekly { day opens closes } } }
              }
            }
            """;

        // Saturday 5 December 2026, 14:00 in Brussels
        var response = await _client.PostAsync(Query, new { near = new { longitude = lon, latitude = lat }, at = "2026-12-05T14:00:00+01:00" });

        Assert.False(response.HasErrors, response.Body.ToString());
        var place = Assert.Single(response.Data.GetProperty("nearestPlaces").EnumerateArray()).GetProperty("place");
        Assert.Equal("Always", place.GetProperty("name").GetString());
        Assert.True(place.GetProperty("isOpenAt").GetBoolean());
        Assert.Equal(7, place.GetProperty("openingHours").GetProperty("weekly").GetArrayLength());
        Assert.Equal("24:00", place.GetProperty("openingHours").GetProperty("weekly")[0].GetProperty("closes").GetString());
    }
}
