using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MakerMap.Api.Schema;
using MakerMap.Api.Tests.Endpoints.Tiles;
using MakerMap.Api.Tests.GraphQL;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 17, HTTP: ETags per content coding, CORS on the public read endpoints only, one parameter
/// convention for both exports, GraphQL global ids in the places export.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "17")]
public sealed class Issue17HttpTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>, IAsyncLifetime
{
    private const string Foreign = "https://elsewhere.example";
    private Guid _cafe;

    public async Task InitializeAsync()
    {
        _cafe = await factory.Database.Data.PlaceAsync(3.7210, 51.0650, "repair_cafe", ["electro"], "Repair Café Issue 17");
        await factory.Database.Data.PlaceAsync(3.7010, 51.0600, "give_box", [], "Weggeefkast Issue 17");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // zoom 15: above the clustering zooms (issue 14), so the café is a feature of its own
    private static Uri CafeTile => new($"/tiles/places/15/{TileMath.Locate(3.7210, 51.0650, 15).X}/{TileMath.Locate(3.7210, 51.0650, 15).Y}.mvt", UriKind.Relative);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, Action<HttpRequestMessage>? set = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        set?.Invoke(request);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData(null, "gzip")]
    [InlineData("gzip", null)]
    [InlineData("br", "gzip")]
    public async Task Tile_etag_of_one_content_coding_on_a_request_for_another_is_200_with_its_own_etag(string? cachedCoding, string? requestedCoding)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var cached = await SendAsync(client, HttpMethod.Get, CafeTile.ToString(), r => AcceptEncoding(r, cachedCoding));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

        using var response = await SendAsync(client, HttpMethod.Get, CafeTile.ToString(), r =>
        {
            AcceptEncoding(r, requestedCoding);
            r.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        });
        using var same = await SendAsync(client, HttpMethod.Get, CafeTile.ToString(), r =>
        {
            AcceptEncoding(r, cachedCoding);
            r.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(cached.Headers.ETag, response.Headers.ETag);
        Assert.Equal(requestedCoding is null ? [] : [requestedCoding], response.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
    }

    private async Task<string> PlannerTokenAsync()
    {
        var graphql = new GraphQLTestClient(factory);
        var (accountId, token) = await graphql.SignUpAsync();
        await graphql.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        return token;
    }

    private static void AcceptEncoding(HttpRequestMessage request, string? coding)
    {
        request.Headers.AcceptEncoding.Clear();
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding ?? "identity"));
    }

    [Theory]
    [InlineData("/tiles/places.json")]
    [InlineData("/tiles/places/13/4181/2735.mvt")]
    [InlineData("/export/places.geojson")]
    [InlineData("/export/coverage.csv")]
    [InlineData("/calendar/places/{place}.ics")]
    [InlineData("/graphql?query=%7B__typename%7D")]
    public async Task Public_read_endpoint_from_another_origin_gets_allow_origin_star_without_credentials(string path)
    {
        var client = factory.CreateClient();
        var url = path.Replace("{place}", _cafe.ToString(), StringComparison.Ordinal);

        using var response = await SendAsync(client, HttpMethod.Get, url, r => r.Headers.Add("Origin", Foreign));
        using var preflight = await SendAsync(client, HttpMethod.Options, url, r =>
        {
            r.Headers.Add("Origin", Foreign);
            r.Headers.Add("Access-Control-Request-Method", "GET");
            r.Headers.Add("Access-Control-Request-Headers", "authorization");
        });

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Post_graphql_from_another_origin_gets_no_cors_grant_nor_preflight()
    {
        var client = factory.CreateClient();

        using var preflight = await SendAsync(client, HttpMethod.Options, "/graphql", r =>
        {
            r.Headers.Add("Origin", Foreign);
            r.Headers.Add("Access-Control-Request-Method", "POST");
            r.Headers.Add("Access-Control-Request-Headers", "content-type");
        });
        using var post = await SendAsync(client, HttpMethod.Post, "/graphql", r =>
        {
            r.Headers.Add("Origin", Foreign);
            r.Content = JsonContent.Create(new { query = "{ __typename }" });
        });

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(post.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/calendar/organisations/not-a-token.ics")]
    [InlineData("/auth/me")]
    public async Task Private_endpoint_from_another_origin_gets_no_cors_headers(string path)
    {
        var client = factory.CreateClient();

        using var response = await SendAsync(client, HttpMethod.Get, path, r => r.Headers.Add("Origin", Foreign));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Public_origins_setting_limits_cors_to_the_listed_origins()
    {
        await using var server = factory.WithWebHostBuilder(b => b.UseSetting("MakerMap:Cors:PublicOrigins:0", "https://maps.example.org"));
        var client = server.CreateClient();

        using var listed = await SendAsync(client, HttpMethod.Get, "/tiles/places.json", r => r.Headers.Add("Origin", "https://maps.example.org"));
        using var other = await SendAsync(client, HttpMethod.Get, "/tiles/places.json", r => r.Headers.Add("Origin", Foreign));

        Assert.Equal("https://maps.example.org", Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(listed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("kinds=REPAIR_CAFE")]
    [InlineData("kinds=repair_cafe")]
    [InlineData("kinds=Repair_Cafe&categories=ELECTRO")]
    public async Task Places_export_takes_graphql_enum_names_in_any_case(string query)
    {
        var client = factory.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/export/places.geojson?" + query, UriKind.Relative)));

        var kinds = body.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.Equal("REPAIR_CAFE", kind));
    }

    [Theory]
    [InlineData("/export/places.geojson?kind=REPAIR_CAFE", "kind")]
    [InlineData("/export/places.geojson?kinds=REPAIR_CAFE&kinds=GIVE_BOX", "kinds")]
    [InlineData("/export/places.geojson?kinds=BAKERY", "kinds")]
    [InlineData("/export/places.geojson?categories=ELECTRO,LASERS", "categories")]
    [InlineData("/export/places.geojson?locality=Gent&locality=Leuven", "locality")]
    [InlineData("/export/coverage.csv?municipalityCode=44021&kind=REPAIR_CAFE", "kind")]
    [InlineData("/export/coverage.csv?municipalityCode=44021&kinds=REPAIR_CAFE&kinds=GIVE_BOX", "kinds")]
    public async Task Export_with_an_unknown_repeated_or_invalid_parameter_is_400_with_a_json_error(string url, string field)
    {
        var client = factory.CreateClient();
        var token = await PlannerTokenAsync();

        using var response = await SendAsync(client, HttpMethod.Get, url, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Coverage_export_takes_enum_names_in_any_case()
    {
        var data = factory.Database.Data;
        var code = "L" + Random.Shared.Next(10_000, 99_999);
        await data.AreaAsync("municipality", code, "Kleinstad " + code, "POLYGON((120 -40, 120.1 -40, 120.1 -39.9, 120 -39.9, 120 -40))", 100, code);
        await data.AreaAsync("sector", code + "A", "A", "POLYGON((120 -40, 120.01 -40, 120.01 -39.99, 120 -39.99, 120 -40))", 100, code);
        var token = await PlannerTokenAsync();
        var client = factory.CreateClient();

        using var response = await SendAsync(client, HttpMethod.Get,
            $"/export/coverage.csv?municipalityCode={code}&kinds=repair_cafe,Give_Box&categories=electro&rowLevel=sector",
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(code + "A", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_export_feature_id_and_id_property_are_the_global_id_the_tiles_carry()
    {
        var client = factory.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/export/places.geojson?kinds=REPAIR_CAFE", UriKind.Relative)));
        var tile = Assert.Single(MvtReader.Read(await client.GetByteArrayAsync(CafeTile)));

        var globalId = GlobalId.Encode("Place", _cafe);
        Assert.Equal("Place:" + _cafe, Encoding.UTF8.GetString(Convert.FromBase64String(globalId)));
        var features = body.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.All(features, f => Assert.Equal(f.GetProperty("id").GetString(), f.GetProperty("properties").GetProperty("id").GetString()));
        Assert.Single(features, f => f.GetProperty("id").GetString() == globalId);
        Assert.Contains(tile.Features, f => f.Properties.TryGetValue("id", out var id) && Equals(id, globalId));
    }
}
