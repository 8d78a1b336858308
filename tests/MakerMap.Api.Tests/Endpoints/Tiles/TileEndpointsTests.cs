using System.Net;
using Dapper;
using MakerMap.Api.Schema;

namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>/tiles/{layer}/{z}/{x}/{y}.mvt on real PostGIS: tiles decoded as a map client would.</summary>
[Trait("Category", "Db")]
public sealed partial class TileEndpointsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    // the Korenmarkt in Gent, and a point in Leuven (tiles there must not show Gent's places)
    private const double GentLongitude = 3.7206, GentLatitude = 51.0545;
    private const double LeuvenLongitude = 4.7005, LeuvenLatitude = 50.8798;
    private const string GentSector = "POLYGON((3.70 51.04, 3.74 51.04, 3.74 51.07, 3.70 51.07, 3.70 51.04))";

    private static Uri TileUri(string layer, int z, int x, int y) => new($"/tiles/{layer}/{z}/{x}/{y}.mvt", UriKind.Relative);

    private static Uri TileUriAt(string layer, double longitude, double latitude, int z)
    {
        var tile = TileMath.Locate(longitude, latitude, z);
        return TileUri(layer, z, tile.X, tile.Y);
    }

    private async Task<Guid> GentRepairCafeAsync(string name)
    {
        var id = await factory.Database.Data.PlaceAsync(GentLongitude, GentLatitude, "repair_cafe", ["electro", "textile"], name);
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE places SET locality = 'Gent' WHERE id = @id", new { id });
        return id;
    }

    private async Task<MvtLayer> GetLayerAsync(Uri uri)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        return Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
    }

    private static MvtFeature? FeatureWith(MvtLayer layer, string property, object value) =>
        layer.Features.SingleOrDefault(f => f.Properties.TryGetValue(property, out var v) && Equals(v, value));

    [Fact]
    public async Task Place_tile_holds_the_place_with_its_graphql_id_enum_names_and_city_at_its_position()
    {
        var id = await GentRepairCafeAsync("Repair Café Korenmarkt");
        var expected = TileMath.Locate(GentLongitude, GentLatitude, 16);

        var layer = await GetLayerAsync(TileUri("places", 16, expected.X, expected.Y));

        Assert.Equal("places", layer.Name);
        Assert.Equal(4096u, layer.Extent);
        var place = FeatureWith(layer, "id", GlobalId.Encode("Place", id));
        Assert.NotNull(place);
        Assert.Equal(1, place.GeometryType);
        Assert.Equal("Repair Café Korenmarkt", place.Properties["name"]);
        Assert.StartsWith("place-", (string)place.Properties["slug"], StringComparison.Ordinal);
        Assert.Equal("REPAIR_CAFE", place.Properties["kind"]);
        Assert.Equal("ELECTRO,TEXTILE", place.Properties["categories"]);
        Assert.Equal("Gent", place.Properties["city"]);
        // ST_AsMVTGeom rounds to the tile's 4096-pixel grid
        Assert.InRange(place.FirstVertex.X, expected.PixelX - 1, expected.PixelX + 1);
        Assert.InRange(place.FirstVertex.Y, expected.PixelY - 1, expected.PixelY + 1);
    }

    [Fact]
    public async Task Tile_far_from_a_place_does_not_contain_it()
    {
        var id = GlobalId.Encode("Place", await GentRepairCafeAsync("Repair Café elders"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(TileUriAt("places", LeuvenLongitude, LeuvenLatitude, 12));

        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            var layer = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
            Assert.Null(FeatureWith(layer, "id", id));
        }
    }

    [Fact]
    public async Task Sector_tile_carries_code_name_population_and_level_of_each_polygon()
    {
        await factory.Database.Data.AreaAsync("sector", "44021A00-1", "Gent-Centrum sector", GentSector, 1234);

        var layer = await GetLayerAsync(TileUriAt("sectors", 3.72, 51.055, 12));

        Assert.Equal("sectors", layer.Name);
        var sector = FeatureWith(layer, "code", "44021A00-1");
        Assert.NotNull(sector);
        Assert.Equal(3, sector.GeometryType);
        Assert.Equal("Gent-Centrum sector", sector.Properties["name"]);
        Assert.Equal(1234L, Convert.ToInt64(sector.Properties["population"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("SECTOR", sector.Properties["level"]);
    }

    [Fact]
    public async Task Area_without_a_population_has_no_population_property()
    {
        await factory.Database.Data.AreaAsync("municipality", "99001", "Zonder Telling", "POLYGON((3.0 51.3, 3.1 51.3, 3.1 51.35, 3.0 51.35, 3.0 51.3))", 0);
        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE areas SET population = NULL WHERE code = '99001'");
        }

        var layer = await GetLayerAsync(TileUriAt("municipalities", 3.05, 51.32, 10));

        var municipality = FeatureWith(layer, "code", "99001");
        Assert.NotNull(municipality);
        Assert.Equal("MUNICIPALITY", municipality.Properties["level"]);
        Assert.False(municipality.Properties.ContainsKey("population"));
    }

    [Fact]
    public async Task Area_labels_show_municipalities_at_every_zoom_and_neighbourhoods_from_zoom_11()
    {
        var data = factory.Database.Data;
        await data.AreaAsync("municipality", "99002", "Labelgem", "POLYGON((4.20 50.90, 4.40 50.90, 4.40 51.00, 4.20 51.00, 4.20 50.90))", 20000);
        await data.AreaAsync("neighbourhood", "99002A", "Labelwijk", "POLYGON((4.30 50.95, 4.31 50.95, 4.31 50.96, 4.30 50.96, 4.30 50.95))", 900);

        var z10 = await GetLayerAsync(TileUriAt("area-labels", 4.30, 50.95, 10));
        var z11 = await GetLayerAsync(TileUriAt("area-labels", 4.305, 50.955, 11));

        Assert.Equal("area-labels", z10.Name);
        var municipality = FeatureWith(z10, "name", "Labelgem");
        Assert.NotNull(municipality);
        Assert.Equal(1, municipality.GeometryType);
        Assert.Equal("MUNICIPALITY", municipality.Properties["level"]);
        Assert.Null(FeatureWith(z10, "name", "Labelwijk"));
        var neighbourhood = FeatureWith(z11, "name", "Labelwijk");
        Assert.NotNull(neighbourhood);
        Assert.Equal("NEIGHBOURHOOD", neighbourhood.Properties["level"]);
    }

    [Theory]
    [InlineData("sectors", 9)]
    [InlineData("sectors", 15)]
    [InlineData("neighbourhoods", 7)]
    [InlineData("municipalities", 15)]
    [InlineData("area-labels", 15)]
    [InlineData("places", 23)]
    public async Task Zoom_outside_the_layers_range_is_204_even_where_it_has_features(string layer, int z)
    {
        await GentRepairCafeAsync("Repair Café zoom");
        await factory.Database.Data.AreaAsync(layer == "neighbourhoods" ? "neighbourhood" : "sector", "Z" + z + layer, "Zoom area", GentSector, 10);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(TileUriAt(layer, GentLongitude, GentLatitude, z));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Tile_without_features_is_204()
    {
        using var client = factory.CreateClient();

        // the middle of the Pacific
        using var response = await client.GetAsync(TileUri("places", 10, 10, 500));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
