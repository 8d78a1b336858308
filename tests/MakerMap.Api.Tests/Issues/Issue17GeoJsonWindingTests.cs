using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise, in every GeoJSON the server
/// writes for areas (GraphQL <c>Area.geometry</c>, <c>coverage.uncoveredArea</c>, /export/coverage.geojson),
/// checked over every seeded area with a signed area computed here.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "17")]
public sealed class Issue17GeoJsonWindingTests(SeededApiFixture seeded) : IClassFixture<SeededApiFixture>
{
    private readonly GraphQLTestClient _graphql = new(seeded.Factory);

    [Fact]
    public async Task Area_geometry_of_every_seeded_area_has_ccw_exteriors_and_cw_holes()
    {
        var ids = new List<string>();
        await using (var command = seeded.Factory.Database.DataSource.CreateCommand("SELECT id FROM areas ORDER BY level, code"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(GraphQLTestClient.Id("Area", reader.GetGuid(0)));
            }
        }
        var levels = new HashSet<string>();
        foreach (var batch in ids.Chunk(100))
        {
            var response = await _graphql.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Area { code level geometry } } }", new { ids = batch });
            Assert.False(response.HasErrors, response.Body.ToString());
            foreach (var area in response.Data.GetProperty("nodes").EnumerateArray())
            {
                levels.Add(area.GetProperty("level").GetString()!);
                AssertRfc7946Winding(area.GetProperty("geometry"), area.GetProperty("code").GetString()!);
            }
        }
        Assert.Equal(["MUNICIPALITY", "NEIGHBOURHOOD", "PROVINCE", "REGION", "SECTOR"], levels.Order());
        Assert.True(ids.Count > 1000, $"only {ids.Count} areas were seeded");
    }

    [Theory]
    [InlineData("44021", "SECTOR")]
    [InlineData("44021", "NEIGHBOURHOOD")]
    [InlineData("24062", "SECTOR")]
    [InlineData("31005", "MUNICIPALITY")]
    public async Task Coverage_geojson_export_rows_have_ccw_exteriors_and_cw_holes(string municipalityCode, string rowLevel)
    {
        var token = await PlannerTokenAsync();
        using var client = seeded.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/export/coverage.geojson?municipalityCode={municipalityCode}&maxDistanceMeters=800&rowLevel={rowLevel}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = body.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f => AssertRfc7946Winding(f.GetProperty("geometry"), f.GetProperty("properties").ToString()));
    }

    [Theory]
    [InlineData("44021", 400)]
    [InlineData("24062", 800)]
    public async Task Coverage_uncovered_area_and_area_have_ccw_exteriors_and_cw_holes(string municipalityCode, int metres)
    {
        var token = await PlannerTokenAsync();

        var response = await _graphql.PostAsync(
            "query($code: String!, $m: Float!) { coverage(input: { area: { municipalityCode: $code }, maxDistanceMeters: $m }) { area uncoveredArea } }",
            new { code = municipalityCode, m = metres }, token);

        Assert.False(response.HasErrors, response.Body.ToString());
        var coverage = response.Data.GetProperty("coverage");
        AssertRfc7946Winding(coverage.GetProperty("area"), "area");
        var uncovered = coverage.GetProperty("uncoveredArea");
        Assert.Equal(JsonValueKind.Object, uncovered.ValueKind);
        AssertRfc7946Winding(uncovered, "uncoveredArea");
    }

    private async Task<string> PlannerTokenAsync()
    {
        var (accountId, token) = await _graphql.SignUpAsync();
        await _graphql.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        return token;
    }

    /// <summary>Every polygon's first ring has a positive signed area (counter-clockwise), every further ring a negative one.</summary>
    private static void AssertRfc7946Winding(JsonElement geometry, string what)
    {
        if (geometry.ValueKind == JsonValueKind.String)
        {
            using var parsed = JsonDocument.Parse(geometry.GetString()!);
            AssertRfc7946Winding(parsed.RootElement.Clone(), what);
            return;
        }
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        var polygons = type switch
        {
            "Polygon" => [coordinates],
            "MultiPolygon" => coordinates.EnumerateArray().ToList(),
            _ => throw new Xunit.Sdk.XunitException($"{what}: a {type}, not a (Multi)Polygon"),
        };
        Assert.NotEmpty(polygons);
        foreach (var polygon in polygons)
        {
            var ring = 0;
            foreach (var positions in polygon.EnumerateArray())
            {
                var area = SignedArea(positions);
                if (ring == 0)
                {
                    Assert.True(area > 0, $"{what}: an exterior ring is clockwise (signed area {area})");
                }
                else
                {
                    Assert.True(area < 0, $"{what}: a hole is counter-clockwise (signed area {area})");
                }
                ring++;
            }
        }
    }

    /// <summary>The shoelace formula over longitude/latitude: positive for a counter-clockwise ring.</summary>
    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var sum = 0.0;
        for (var i = 0; i < points.Count - 1; i++)
        {
            sum += (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
        }
        return sum / 2;
    }
}
