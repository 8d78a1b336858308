using System.Net;
using System.Text.Json;

namespace MakerMap.Api.Tests.Endpoints;

[Trait("Category", "Db")]
public sealed class ExportEndpointsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.Database.Data.PlaceAsync(3.7210, 51.0650, "repair_cafe", ["electro", "textile"], "Repair Café Sluizeken");
        await factory.Database.Data.PlaceAsync(3.7010, 51.0600, "give_box", [], "Weggeefkast Brugse Poort");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Export_places_returns_an_rfc7946_feature_collection_with_longitude_first()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/export/places.geojson", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", body.RootElement.GetProperty("type").GetString());
        var cafe = body.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Repair Café Sluizeken");
        Assert.Equal("Feature", cafe.GetProperty("type").GetString());
        Assert.Equal("Point", cafe.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = cafe.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(3.7210, coordinates[0].GetDouble(), 6);
        Assert.Equal(51.0650, coordinates[1].GetDouble(), 6);
        // GraphQL enum names, as the parameters and the tiles spell them (issue 17)
        Assert.Equal(["ELECTRO", "TEXTILE"], cafe.GetProperty("properties").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("REPAIR_CAFE", cafe.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal("UNKNOWN", cafe.GetProperty("properties").GetProperty("wheelchair").GetString());
        Assert.True(cafe.GetProperty("properties").TryGetProperty("attribution", out _));
    }

    [Fact]
    public async Task Export_places_filtered_by_kind_leaves_out_other_kinds()
    {
        using var client = factory.CreateClient();

        var json = await client.GetStringAsync(new Uri("/export/places.geojson?kinds=GIVE_BOX", UriKind.Relative));

        using var body = JsonDocument.Parse(json);
        var kinds = body.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.Equal("GIVE_BOX", kind));
    }

    [Fact]
    public async Task Export_places_with_a_category_nobody_has_returns_an_empty_collection()
    {
        using var client = factory.CreateClient();

        var json = await client.GetStringAsync(new Uri("/export/places.geojson?categories=CERAMICS", UriKind.Relative));

        using var body = JsonDocument.Parse(json);
        Assert.Equal(0, body.RootElement.GetProperty("features").GetArrayLength());
    }
}
