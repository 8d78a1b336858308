using Dapper;
using MakerMap.Api.Tests.GraphQL;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 15, item 2: wheelchair access is filterable in <c>nearestPlaces</c> and <c>places</c>; the
/// map's "wheelchair accessible" filter asks for <c>[YES, LIMITED]</c>.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "15")]
public sealed class Issue15WheelchairTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Nearest = """
        query($near: GeoPointInput!, $wheelchair: [WheelchairAccess!]) {
          nearestPlaces(near: $near, first: 10, maxDistanceMeters: 5000, wheelchair: $wheelchair) { place { id wheelchair } }
        }
        """;

    private const string Page = """
        query($filter: PlaceFilter!) { places(filter: $filter, first: 10) { totalCount nodes { id wheelchair } } }
        """;

    private static readonly string[] Accessible = ["YES", "LIMITED"];
    private static readonly string[] NotAccessible = ["NO"];

    private readonly GraphQLTestClient _client = new(factory);

    /// <summary>Four places around a point of their own in the South Atlantic, one per wheelchair value.</summary>
    private async Task<(double Lon, double Lat, Dictionary<string, Guid> ByAccess)> FourPlacesAsync()
    {
        var (lon, lat) = (-30 + Random.Shared.NextDouble() * 10, -40 + Random.Shared.NextDouble() * 10);
        var byAccess = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var step = 0;
        foreach (var access in (string[])["yes", "limited", "no", "unknown"])
        {
            var place = await factory.Database.Data.PlaceAsync(lon + (0.001 * ++step), lat, name: $"Wheelchair {access}");
            await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("UPDATE places SET wheelchair = @access WHERE id = @place", new { access, place });
            byAccess[access.ToUpperInvariant()] = place;
        }
        return (lon, lat, byAccess);
    }

    [Fact]
    public async Task NearestPlaces_with_wheelchair_keeps_only_the_places_with_those_access_values()
    {
        var (lon, lat, byAccess) = await FourPlacesAsync();

        var accessible = await _client.PostAsync(Nearest, new { near = new { longitude = lon, latitude = lat }, wheelchair = Accessible });
        var every = await _client.PostAsync(Nearest, new { near = new { longitude = lon, latitude = lat } });

        Assert.False(accessible.HasErrors, accessible.Body.ToString());
        Assert.Equal([byAccess["YES"], byAccess["LIMITED"]], Ids(accessible.Data.GetProperty("nearestPlaces"), hit => hit.GetProperty("place")));
        Assert.Equal(4, every.Data.GetProperty("nearestPlaces").GetArrayLength());
    }

    [Fact]
    public async Task Places_filter_with_wheelchair_counts_and_pages_only_the_places_with_those_access_values()
    {
        var (lon, lat, byAccess) = await FourPlacesAsync();
        var box = new { west = lon - 0.01, south = lat - 0.01, east = lon + 0.01, north = lat + 0.01 };

        var notAccessible = await _client.PostAsync(Page, new { filter = new { boundingBox = box, wheelchair = NotAccessible } });
        var accessible = await _client.PostAsync(Page, new { filter = new { boundingBox = box, wheelchair = Accessible } });

        Assert.False(notAccessible.HasErrors, notAccessible.Body.ToString());
        var page = notAccessible.Data.GetProperty("places");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal([byAccess["NO"]], Ids(page.GetProperty("nodes"), node => node));
        Assert.Equal(2, accessible.Data.GetProperty("places").GetProperty("totalCount").GetInt32());
        Assert.All(accessible.Data.GetProperty("places").GetProperty("nodes").EnumerateArray(),
            node => Assert.Contains(node.GetProperty("wheelchair").GetString(), Accessible));
    }

    [Fact]
    public async Task NearestPlaces_with_an_empty_wheelchair_list_is_BAD_USER_INPUT_naming_the_field()
    {
        var response = await _client.PostAsync(Nearest, new { near = new { longitude = 3.72, latitude = 51.05 }, wheelchair = Array.Empty<string>() });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("\"wheelchair\" must not be empty; leave it out to match everything.", response.FirstError.GetProperty("message").GetString());
    }

    private static List<Guid> Ids(System.Text.Json.JsonElement list, Func<System.Text.Json.JsonElement, System.Text.Json.JsonElement> place) =>
        [.. list.EnumerateArray().Select(item => GraphQLTestClient.Uuid(place(item).GetProperty("id").GetString()!))];
}
