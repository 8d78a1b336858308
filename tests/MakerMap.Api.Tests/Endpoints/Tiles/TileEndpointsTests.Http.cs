using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;

namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>Errors, caching headers, compression and TileJSON of the tile endpoints.</summary>
public sealed partial class TileEndpointsTests
{
    [Theory]
    [InlineData("/tiles/places/25/0/0.mvt")]
    [InlineData("/tiles/places/3/8/0.mvt")]
    [InlineData("/tiles/places/3/0/8.mvt")]
    [InlineData("/tiles/places/3/-1/0.mvt")]
    [InlineData("/tiles/places/a/0/0.mvt")]
    [InlineData("/tiles/places/3/1.5/0.mvt")]
    [InlineData("/tiles/places/3/0/%2B1.mvt")]
    [InlineData("/tiles/places/99999999999/0/0.mvt")]
    public async Task Tile_address_out_of_range_or_not_an_integer_is_400_INVALID_TILE(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_TILE", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("/tiles/roads/10/524/343.mvt")]
    [InlineData("/tiles/roads.json")]
    [InlineData("/tiles/Places/10/524/343.mvt")]
    public async Task Unknown_layer_is_404_UNKNOWN_LAYER(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UNKNOWN_LAYER", await ErrorCodeAsync(response));
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error.GetProperty("code").GetString();
    }

    [Fact]
    public async Task Tile_has_a_strong_etag_and_a_matching_if_none_match_is_304_without_a_body()
    {
        await GentRepairCafeAsync("Repair Café ETag");
        var uri = TileUriAt("places", GentLongitude, GentLatitude, 13);
        using var client = factory.CreateClient();
        using var first = await client.GetAsync(uri);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.IfNoneMatch.Add(etag);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task Tile_etag_changes_when_a_place_in_it_changes()
    {
        await GentRepairCafeAsync("Repair Café voor");
        var uri = TileUriAt("places", GentLongitude, GentLatitude, 15);
        using var client = factory.CreateClient();
        using var before = await client.GetAsync(uri);

        await GentRepairCafeAsync("Repair Café na");
        using var after = await client.GetAsync(uri);

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Theory]
    [InlineData("places", "public, max-age=60")]
    [InlineData("sectors", "public, max-age=86400")]
    [InlineData("municipalities", "public, max-age=86400")]
    public async Task Tiles_of_places_are_cached_for_a_minute_and_of_areas_for_a_day(string layer, string cacheControl)
    {
        await GentRepairCafeAsync("Repair Café cache");
        await factory.Database.Data.AreaAsync(layer == "sectors" ? "sector" : "municipality", "C-" + layer, "Cache area", GentSector, 5);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(TileUriAt(layer, GentLongitude, GentLatitude, 12));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Tile_is_compressed_when_the_client_accepts_it_and_decompresses_to_the_same_tile(string encoding)
    {
        await factory.Database.Data.AreaAsync("sector", "G-" + encoding, "Gzip sector", GentSector, 77);
        var uri = TileUriAt("sectors", GentLongitude, GentLatitude, 11);
        using var client = factory.CreateClient();
        using var plain = await client.GetAsync(uri);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream decompressor = encoding == "br"
            ? new BrotliStream(compressed, CompressionMode.Decompress)
            : new GZipStream(compressed, CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await decompressor.CopyToAsync(decompressed);
        Assert.Equal(plainBytes, decompressed.ToArray());
        Assert.True(response.Content.Headers.ContentLength < plainBytes.Length);
    }

    [Fact]
    public async Task With_the_area_cache_on_an_area_tile_is_cut_once_but_a_place_tile_on_every_request()
    {
        await using var cachingServer = factory.WithWebHostBuilder(builder => builder.UseSetting("Tiles:AreaCacheMinutes", "60"));
        using var client = cachingServer.CreateClient();
        await factory.Database.Data.AreaAsync("sector", "CACHED-1", "Cached sector", GentSector, 42);
        await GentRepairCafeAsync("Repair Café cached");
        var sectors = TileUriAt("sectors", GentLongitude, GentLatitude, 13);
        var places = TileUriAt("places", GentLongitude, GentLatitude, 13);
        using var sectorsBefore = await client.GetAsync(sectors);
        using var placesBefore = await client.GetAsync(places);

        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM areas WHERE code = 'CACHED-1'");
        }
        await GentRepairCafeAsync("Repair Café added later");
        using var sectorsAfter = await client.GetAsync(sectors);
        using var placesAfter = await client.GetAsync(places);

        Assert.Equal(HttpStatusCode.OK, sectorsAfter.StatusCode);
        Assert.Equal(sectorsBefore.Headers.ETag, sectorsAfter.Headers.ETag);
        var layer = Assert.Single(MvtReader.Read(await sectorsAfter.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(FeatureWith(layer, "code", "CACHED-1"));
        Assert.NotEqual(placesBefore.Headers.ETag, placesAfter.Headers.ETag);
    }

    [Fact]
    public async Task TileJson_names_an_absolute_tile_template_zooms_bounds_credits_and_fields()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/tiles/sectors.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var json = body.RootElement;
        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal($"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/tiles/sectors/{{z}}/{{x}}/{{y}}.mvt",
            Assert.Single(json.GetProperty("tiles").EnumerateArray()).GetString());
        Assert.Equal(10, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(14, json.GetProperty("maxzoom").GetInt32());
        var bounds = json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(4, bounds.Length);
        Assert.True(bounds[0] < bounds[2] && bounds[1] < bounds[3]);
        Assert.Contains("Statbel", json.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        var layer = Assert.Single(json.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("sectors", layer.GetProperty("id").GetString());
        Assert.Equal(["code", "name", "population", "level"], layer.GetProperty("fields").EnumerateObject().Select(f => f.Name));
        Assert.Equal("Number", layer.GetProperty("fields").GetProperty("population").GetString());
    }
}
