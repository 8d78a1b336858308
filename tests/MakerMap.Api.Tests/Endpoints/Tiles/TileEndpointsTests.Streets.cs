using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;

namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>The streets layer: OpenStreetMap edges by class, with names at street zoom.</summary>
[Trait("Issue", "15")]
public sealed partial class TileEndpointsTests
{
    private async Task StreetAsync(string highway, string? name, double longitude, double latitude)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO data_sources (code, title, licence, attribution)
            VALUES ('osm-gent-streets-2017', 'OpenStreetMap', 'ODbL 1.0', '© OpenStreetMap contributors')
            ON CONFLICT (code) DO NOTHING;
            INSERT INTO street_segments (source_code, edge_index, highway, name, length_m, vertex1, vertex2, geom)
            SELECT 'osm-gent-streets-2017', coalesce(max(edge_index) + 1, 0), @highway, @name, 140, 1, 2,
                   ST_GeomFromText(@line, 4326)
              FROM street_segments
            """,
            new
            {
                highway,
                name,
                line = string.Create(CultureInfo.InvariantCulture,
                    $"LINESTRING({longitude - 0.001} {latitude}, {longitude + 0.001} {latitude})"),
            });
    }

    [Fact]
    public async Task Street_tile_at_street_zoom_holds_a_named_street_as_a_line_with_its_class()
    {
        await StreetAsync("residential", "Testwegel Korenmarkt", 3.7801, 51.0301);

        var layer = await GetLayerAsync(TileUriAt("streets", 3.7801, 51.0301, 14));

        Assert.Equal("streets", layer.Name);
        var street = FeatureWith(layer, "name", "Testwegel Korenmarkt");
        Assert.NotNull(street);
        Assert.Equal(2, street.GeometryType);
        Assert.Equal("minor", street.Properties["class"]);
        Assert.Equal("residential", street.Properties["highway"]);
    }

    [Fact]
    public async Task Street_tile_at_city_zoom_keeps_major_roads_and_leaves_out_residential_streets_and_names()
    {
        await StreetAsync("primary", "Testlaan Leuven", 4.7005, 50.8798);
        await StreetAsync("residential", "Testhof Leuven", 4.7008, 50.8801);

        var layer = await GetLayerAsync(TileUriAt("streets", 4.7005, 50.8798, 11));

        Assert.Contains(layer.Features, f => Equals(f.Properties["highway"], "primary") && Equals(f.Properties["class"], "major"));
        Assert.DoesNotContain(layer.Features, f => Equals(f.Properties["highway"], "residential"));
        Assert.DoesNotContain(layer.Features, f => f.Properties.ContainsKey("name"));
    }

    [Fact]
    public async Task Street_tilejson_credits_openstreetmap_and_starts_at_zoom_10()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/tiles/streets.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("© OpenStreetMap contributors", body.RootElement.GetProperty("attribution").GetString());
        Assert.Equal(10, body.RootElement.GetProperty("minzoom").GetInt32());
        Assert.Equal("streets", body.RootElement.GetProperty("vector_layers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Street_tile_below_zoom_10_is_204()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(TileUriAt("streets", 3.7801, 51.0301, 9));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
