using System.Globalization;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>coverage through HTTP on a small synthetic municipality: totals, rows, greedy sites, access, polygon limits.</summary>
[Trait("Category", "Db")]
public sealed class CoverageQueryTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Coverage = """
        query($code: String!) {
          coverage(input: { area: { municipalityCode: $code }, maxDistanceMeters: 800 }) {
            areaName population coveredPopulation coveredShare placesConsidered
            rows { population covered nearestDistanceMeters area { code } nearestPlace { name } }
            suggestedSites(count: 3) { rank addedPopulation coveredShareAfter area { code } coordinates { longitude } }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    private static string Square(double x, double y, double size) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))");

    private async Task<string> PlannerTokenAsync()
    {
        var (accountId, token) = await _client.SignUpAsync();
        await _client.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        return token;
    }

    // Three sectors about 4 km apart with 100, 200 and 300 residents; one repair café in the first.
    private async Task<string> MunicipalityAsync()
    {
        var data = factory.Database.Data;
        var code = "T" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var (x, y) = (-30 + Random.Shared.NextDouble() * 10, -50 + Random.Shared.NextDouble() * 5);
        await data.AreaAsync("municipality", code, "Testgem " + code, Square(x - 0.01, y - 0.01, 0.2), 600, code);
        await data.AreaAsync("sector", code + "A", "A", Square(x, y, 0.004), 100, code);
        await data.AreaAsync("sector", code + "B", "B", Square(x + 0.05, y, 0.004), 200, code);
        await data.AreaAsync("sector", code + "C", "C", Square(x + 0.1, y, 0.004), 300, code);
        await data.PlaceAsync(x + 0.002, y + 0.002, name: "Café " + code);
        return code;
    }

    [Fact]
    public async Task Coverage_counts_residents_within_reach_and_suggests_sites_greedily()
    {
        var code = await MunicipalityAsync();

        var response = await _client.PostAsync(Coverage, new { code }, await PlannerTokenAsync());

        Assert.False(response.HasErrors, response.Body.ToString());
        var report = response.Data.GetProperty("coverage");
        Assert.Equal("Testgem " + code, report.GetProperty("areaName").GetString());
        Assert.Equal(600, report.GetProperty("population").GetInt32());
        Assert.Equal(100, report.GetProperty("coveredPopulation").GetInt32());
        Assert.Equal(1.0 / 6, report.GetProperty("coveredShare").GetDouble(), 9);
        Assert.Equal(1, report.GetProperty("placesConsidered").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([code + "C", code + "B", code + "A"], rows.Select(r => r.GetProperty("area").GetProperty("code").GetString()));
        Assert.True(rows[2].GetProperty("covered").GetBoolean());
        Assert.Equal("Café " + code, rows[2].GetProperty("nearestPlace").GetProperty("name").GetString());
        var sites = report.GetProperty("suggestedSites").EnumerateArray().ToList();
        Assert.Equal([300, 200], sites.Select(s => s.GetProperty("addedPopulation").GetInt32()));
        Assert.Equal([code + "C", code + "B"], sites.Select(s => s.GetProperty("area").GetProperty("code").GetString()));
        Assert.Equal(1.0, sites[1].GetProperty("coveredShareAfter").GetDouble(), 9);
    }

    [Fact]
    public async Task Coverage_needs_a_planner()
    {
        var code = await MunicipalityAsync();
        var (_, resident) = await _client.SignUpAsync();

        var anonymous = await _client.PostAsync(Coverage, new { code });
        var signedIn = await _client.PostAsync(Coverage, new { code }, resident);

        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);
        Assert.Equal("FORBIDDEN", signedIn.FirstErrorCode);
    }

    [Fact]
    [Trait("Issue", "14")]
    public async Task A_report_weighing_more_sub_areas_times_places_than_the_budget_is_COVERAGE_TOO_LARGE()
    {
        var code = await MunicipalityAsync();
        // three sectors against at least one place: 3 pairs, one over a budget of 2
        using var tight = factory.WithWebHostBuilder(b => b.UseSetting("MakerMap:RequestLimits:MaxCoverageWork", "2"));
        var client = new GraphQLTestClient(tight, factory.Database);

        var response = await client.PostAsync(Coverage, new { code }, await PlannerTokenAsync());
        var withinBudget = await _client.PostAsync(Coverage, new { code }, await PlannerTokenAsync());

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("COVERAGE_TOO_LARGE", response.FirstError.GetProperty("extensions").GetProperty("reason").GetString());
        Assert.StartsWith("This report would weigh 3 sub-areas against ", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(withinBudget.HasErrors, withinBudget.Body.ToString());
    }

    [Fact]
    public async Task A_polygon_with_too_many_vertices_is_BAD_USER_INPUT()
    {
        var ring = Enumerable.Range(0, 10_001)
            .Select(i => new[] { 3.7 + 0.01 * Math.Cos(2 * Math.PI * i / 10_001), 51.0 + 0.01 * Math.Sin(2 * Math.PI * i / 10_001) })
            .Append([3.71, 51.0])
            .ToArray();

        var response = await _client.PostAsync(
            "query($p: GeoJSON!) { coverage(input: { area: { polygon: $p } }) { population } }",
            new { p = new { type = "Polygon", coordinates = new[] { ring } } }, await PlannerTokenAsync());

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("more than 10000 positions", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
