using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Endpoints;

/// <summary>Hosting of the built map client at <c>/</c> (no database needed: the server starts without one).</summary>
public sealed class ClientEndpointsTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>MakerMap client</title><script src=\"/assets/index-3f2a1b.js\"></script>";
    private readonly string _clientFolder = Directory.CreateTempSubdirectory("makermap-client-").FullName;

    public ClientEndpointsTests()
    {
        File.WriteAllText(Path.Combine(_clientFolder, "index.html"), IndexHtml);
        Directory.CreateDirectory(Path.Combine(_clientFolder, "assets"));
        File.WriteAllText(Path.Combine(_clientFolder, "assets", "index-3f2a1b.js"), "console.log('map');");
        File.WriteAllText(Path.Combine(_clientFolder, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    public void Dispose() => Directory.Delete(_clientFolder, recursive: true);

    private static WebApplicationFactory<Program> Server(string? clientPath, string? baseMapStyle = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:MakerMap", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2");
            builder.UseSetting("MakerMap:MigrateOnStartup", "false");
            builder.UseSetting("MakerMap:Jobs:Enabled", "false");
            builder.UseSetting("Client:Path", clientPath);
            builder.UseSetting("Client:ExternalBaseMapStyleUrl", baseMapStyle);
        });

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task Root_serves_index_html_with_no_cache()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Hashed_asset_is_cached_for_a_year_as_immutable()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/assets/index-3f2a1b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("console.log('map');", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Large_script_is_sent_compressed_when_accepted_and_decompresses_to_the_file(string encoding)
    {
        var script = string.Concat(Enumerable.Repeat("export const places = [\"Repair Café\", \"Fablab\"];\n", 400));
        File.WriteAllText(Path.Combine(_clientFolder, "assets", "worker-9c1d2e.mjs"), script);
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/worker-9c1d2e.mjs", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressor = encoding == "br"
            ? new BrotliStream(body, CompressionMode.Decompress)
            : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressor);
        Assert.Equal(script, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Missing_asset_is_404_not_the_index()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/assets/index-000000.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/places/repair-cafe-gent")]
    [InlineData("/map/@51.05,3.72,12z")]
    [InlineData("/about")]
    public async Task Unknown_client_route_falls_back_to_index_html(string path)
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(IndexHtml, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/tiles/nothing-here")]
    [InlineData("/export/unknown.csv")]
    [InlineData("/calendar/places/not-a-guid.ics")]
    [InlineData("/auth/unknown")]
    [InlineData("/healthz/deep")]
    [InlineData("/graphql/unknown")]
    public async Task Unknown_path_below_a_server_prefix_is_404_not_the_index(string path)
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_to_a_server_path_keeps_its_405()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await client.PostAsync(new Uri("/healthz", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Top_level_file_of_the_client_is_served_as_itself()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Path_escaping_the_client_folder_is_not_served()
    {
        // a sibling of the client folder, reached through encoded "../" segments
        var secret = _clientFolder + "-secret.txt";
        File.WriteAllText(secret, "secret");
        try
        {
            await using var server = Server(_clientFolder);
            using var client = server.CreateClient();

            using var response = await GetAsync(client, $"/assets/..%2F..%2F{Path.GetFileName(secret)}");

            Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [Trait("Issue", "17")]
    [InlineData("identity", "gzip")]
    [InlineData("gzip", "identity")]
    [InlineData("br", "gzip")]
    public async Task Asset_etag_of_one_content_coding_on_a_request_for_another_is_200_not_304(string cachedCoding, string requestedCoding)
    {
        File.WriteAllText(Path.Combine(_clientFolder, "assets", "big-9c1d.js"), string.Concat(Enumerable.Repeat("console.log('map');\n", 200)));
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();
        using var cachedRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/big-9c1d.js", UriKind.Relative));
        cachedRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(cachedCoding));
        using var cached = await client.SendAsync(cachedRequest);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/big-9c1d.js", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(requestedCoding));
        request.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        using var same = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/big-9c1d.js", UriKind.Relative));
        same.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(cachedCoding));
        same.Headers.IfNoneMatch.Add(cached.Headers.ETag!);

        using var response = await client.SendAsync(request);
        using var sameResponse = await client.SendAsync(same);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(cached.Headers.ETag, response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, sameResponse.StatusCode);
    }

    [Fact]
    public async Task Index_revalidation_with_its_etag_is_304()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();
        using var first = await GetAsync(client, "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Missing_client_folder_gives_a_page_on_how_to_build_it()
    {
        await using var server = Server(Path.Combine(_clientFolder, "not-built"));
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("scripts/build-client.sh", html, StringComparison.Ordinal);
        Assert.Contains("Client__Path", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_config_carries_the_configured_base_map_style_and_the_credits()
    {
        await using var server = Server(_clientFolder, "https://tiles.example.org/style.json");
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/client-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://tiles.example.org/style.json", body.RootElement.GetProperty("externalBaseMapStyleUrl").GetString());
        Assert.Contains("Statbel", body.RootElement.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_config_without_a_base_map_style_has_null()
    {
        await using var server = Server(_clientFolder);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/client-config.json");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("externalBaseMapStyleUrl").ValueKind);
    }
}
