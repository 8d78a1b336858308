using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Endpoints;

/// <summary>
/// The PMTiles base map at <c>/basemap/basemap.pmtiles</c>, read over real HTTP (Kestrel on a free
/// port) the way the client's pmtiles reader reads it: by byte ranges. No database needed.
/// </summary>
[Trait("Issue", "15")]
public sealed class BasemapEndpointsTests : IDisposable
{
    private const string ArchiveUrl = "/basemap/basemap.pmtiles";
    private readonly string _folder = Directory.CreateTempSubdirectory("makermap-basemap-").FullName;
    private readonly byte[] _archive = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7 % 251)).ToArray();

    public BasemapEndpointsTests() => File.WriteAllBytes(ArchivePath, _archive);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ArchivePath => Path.Combine(_folder, "gent.pmtiles");

    private static WebApplicationFactory<Program> Server(string? pmtilesPath)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:MakerMap", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2");
            builder.UseSetting("MakerMap:MigrateOnStartup", "false");
            builder.UseSetting("MakerMap:Jobs:Enabled", "false");
            builder.UseSetting("Basemap:PmtilesPath", pmtilesPath);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? range, HttpMethod? method = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(ArchiveUrl, UriKind.Relative));
        if (range is not null)
        {
            // without validation, so that malformed headers reach the server as written
            Assert.True(request.Headers.TryAddWithoutValidation("Range", range));
        }
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Whole_archive_is_served_with_accept_ranges_validators_and_the_pmtiles_type()
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.pmtiles", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(_archive, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-126", 0, 126)]
    [InlineData("bytes=127-16383", 127, 9_999)]
    [InlineData("bytes=9990-", 9_990, 9_999)]
    [InlineData("bytes=-500", 9_500, 9_999)]
    [InlineData("bytes=5000-5000", 5_000, 5_000)]
    public async Task Single_range_is_206_with_content_range_and_exactly_those_bytes(string range, int first, int last)
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{last}/{_archive.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(last - first + 1, response.Content.Headers.ContentLength);
        Assert.Equal(_archive[first..(last + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=10000-")]
    [InlineData("bytes=20000-20100")]
    public async Task Range_starting_past_the_end_is_416_with_the_length(string range)
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{_archive.Length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=abc")]
    [InlineData("items=0-10")]
    [InlineData("bytes=50-10")]
    public async Task Several_ranges_or_a_malformed_header_get_the_whole_archive(string range)
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(_archive, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_range_with_the_current_etag_gives_the_range_and_with_an_old_one_the_whole_new_archive()
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();
        using var first = await SendAsync(client, "bytes=0-99");
        var etag = first.Headers.ETag!;

        using var current = await SendAsync(client, "bytes=0-99", headers: h => h.IfRange = new RangeConditionHeaderValue(etag));
        // the archive is rebuilt: a reader holding the old ETag must not get a piece of the new file
        File.WriteAllBytes(ArchivePath, [.. _archive, .. _archive]);
        File.SetLastWriteTimeUtc(ArchivePath, DateTime.UtcNow.AddMinutes(1));
        using var stale = await SendAsync(client, "bytes=0-99", headers: h => h.IfRange = new RangeConditionHeaderValue(etag));

        Assert.Equal(HttpStatusCode.PartialContent, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(2 * _archive.Length, (await stale.Content.ReadAsByteArrayAsync()).Length);
        Assert.NotEqual(etag, stale.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_304()
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();
        using var first = await SendAsync(client, range: null);

        using var again = await SendAsync(client, range: null, headers: h => h.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Head_gives_the_length_and_range_support_without_a_body()
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range: null, HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_archive.Length, response.Content.Headers.ContentLength);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Cross_origin_range_read_is_allowed_and_exposes_content_range()
    {
        await using var server = Server(ArchivePath);
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(ArchiveUrl, UriKind.Relative));
        preflight.Headers.Add("Origin", "https://map.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "range");

        using var preflightResponse = await client.SendAsync(preflight);
        using var response = await SendAsync(client, "bytes=0-126", headers: h => h.Add("Origin", "https://map.example.org"));

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Contains("range", string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Content-Range", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_archive_that_does_not_exist_is_404_and_listed_in_the_client_config()
    {
        await using var server = Server(Path.Combine(_folder, "not-built-yet.pmtiles"));
        using var client = server.CreateClient();

        using var response = await SendAsync(client, "bytes=0-16383");
        using var config = await client.GetAsync(new Uri("/client-config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await config.Content.ReadAsStringAsync());
        Assert.Equal(ArchiveUrl, body.RootElement.GetProperty("baseMapPmtilesUrl").GetString());
    }

    [Fact]
    public async Task Without_a_configured_archive_the_url_is_404_and_the_client_config_has_null()
    {
        await using var server = Server(pmtilesPath: null);
        using var client = server.CreateClient();

        using var response = await SendAsync(client, range: null);
        using var config = await client.GetAsync(new Uri("/client-config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await config.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("baseMapPmtilesUrl").ValueKind);
    }
}
