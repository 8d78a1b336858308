using System.Net;
using System.Text.Json;
using Dapper;
using MakerMap.Data.Tiles;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// TileJSON 3.0 on the seeded data: §3.5 bounds cover all of a layer's data, §3.6 the centre lies
/// inside the bounds and its zoom between minzoom and maxzoom.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "17")]
public sealed class Issue17TileJsonTests(SeededApiFixture seeded) : IClassFixture<SeededApiFixture>
{
    public static TheoryData<string> Layers => [.. TileLayer.All.Keys];

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task TileJson_of_every_layer_has_its_center_inside_bounds_at_a_zoom_of_the_layer(string layer)
    {
        var json = await TileJsonAsync(layer);

        var bounds = Numbers(json, "bounds");
        var center = Numbers(json, "center");
        Assert.Equal(4, bounds.Length);
        Assert.Equal(3, center.Length);
        Assert.True(bounds[0] < bounds[2] && bounds[1] < bounds[3], string.Join(",", bounds));
        Assert.InRange(center[0], bounds[0], bounds[2]);
        Assert.InRange(center[1], bounds[1], bounds[3]);
        Assert.InRange(center[2], json.GetProperty("minzoom").GetInt32(), json.GetProperty("maxzoom").GetInt32());
    }

    [Theory]
    [InlineData("municipalities", "municipality")]
    [InlineData("neighbourhoods", "neighbourhood")]
    [InlineData("sectors", "sector")]
    [InlineData("area-labels", "municipality")]
    [InlineData("area-labels", "neighbourhood")]
    public async Task TileJson_bounds_of_an_area_layer_cover_every_area_it_shows(string layer, string level)
    {
        var bounds = Numbers(await TileJsonAsync(layer), "bounds");
        await using var connection = await seeded.Factory.Database.DataSource.OpenConnectionAsync();

        var boxes = (await connection.QueryAsync<(string Code, double W, double S, double E, double N)>(
            "SELECT code, ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM areas WHERE level = @level", new { level })).ToList();

        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b.W >= bounds[0] && b.S >= bounds[1] && b.E <= bounds[2] && b.N <= bounds[3], b.Code));
    }

    [Fact]
    public async Task TileJson_bounds_of_places_cover_every_place_rotterdam_included()
    {
        var bounds = Numbers(await TileJsonAsync("places"), "bounds");
        await using var connection = await seeded.Factory.Database.DataSource.OpenConnectionAsync();

        var places = (await connection.QueryAsync<(string Name, string? Locality, double X, double Y)>(
            "SELECT name, locality, ST_X(location), ST_Y(location) FROM places")).ToList();

        Assert.Contains(places, p => p.Y > 51.85);
        Assert.All(places, p => Assert.True(p.X >= bounds[0] && p.X <= bounds[2] && p.Y >= bounds[1] && p.Y <= bounds[3], p.Name));
    }

    private async Task<JsonElement> TileJsonAsync(string layer)
    {
        using var client = seeded.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/tiles/{layer}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static double[] Numbers(JsonElement json, string name) =>
        [.. json.GetProperty(name).EnumerateArray().Select(n => n.GetDouble())];
}
