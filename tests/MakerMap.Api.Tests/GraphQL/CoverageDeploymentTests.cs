using System.Globalization;
using System.Text.Json;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>coverage(input: {date}) through HTTP: the mobile give-box counts where it stands on that Brussels day, when confirmed.</summary>
[Trait("Category", "Db")]
public sealed class CoverageDeploymentTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Coverage = """
        query($code: String!, $date: Date, $kinds: [PlaceKind!]) {
          coverage(input: { area: { municipalityCode: $code }, maxDistanceMeters: 800, date: $date, kinds: $kinds }) {
            population coveredPopulation placesConsidered uncoveredArea
            rows { population covered nearestDistanceMeters area { code } nearestPlace { name } }
            suggestedSites(count: 3) { area { code } location coordinates { longitude latitude } }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    private static string Square(double x, double y, double size) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))");

    private sealed record Town(string Code, Guid GiveBox, double X, double Y)
    {
        // the middle of sector C, where its residents are counted
        public (double, double) SectorC => (X + 0.102, Y + 0.002);
    }

    private async Task<string> PlannerTokenAsync()
    {
        var (accountId, token) = await _client.SignUpAsync();
        await _client.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        return token;
    }

    // Sectors A (100), B (200), C (300) about 4 km apart, a repair café in A, and a mobile give-box
    // whose depot is far outside the town.
    private async Task<Town> TownAsync()
    {
        var data = factory.Database.Data;
        var code = "D" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var (x, y) = (60 + Random.Shared.NextDouble() * 10, -50 + Random.Shared.NextDouble() * 5);
        await data.AreaAsync("municipality", code, "Testgem " + code, Square(x - 0.01, y - 0.01, 0.2), 600, code);
        await data.AreaAsync("sector", code + "A", "A", Square(x, y, 0.004), 100, code);
        await data.AreaAsync("sector", code + "B", "B", Square(x + 0.05, y, 0.004), 200, code);
        await data.AreaAsync("sector", code + "C", "C", Square(x + 0.1, y, 0.004), 300, code);
        await data.PlaceAsync(x + 0.002, y + 0.002, name: "Café " + code);
        var depot = await data.PlaceAsync(x + 1, y + 1, kind: "give_box", name: "Depot " + code);
        var box = await data.ResourceAsync(depot, new ResourceSpec { Name = "Mobile give-box", Kind = "mobile_give_box", IsMobile = true, RequiresApproval = true });
        return new Town(code, box, x, y);
    }

    private async Task<JsonElement> CoverageAsync(Town town, string? date, string[]? kinds = null)
    {
        var response = await _client.PostAsync(Coverage, new { code = town.Code, date, kinds }, await PlannerTokenAsync());
        Assert.False(response.HasErrors, response.Body.ToString());
        return response.Data.GetProperty("coverage");
    }

    private static JsonElement Row(JsonElement report, string code) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("area").GetProperty("code").GetString() == code);

    private static IEnumerable<string?> SuggestedCodes(JsonElement report) =>
        report.GetProperty("suggestedSites").EnumerateArray().Select(s => s.GetProperty("area").GetProperty("code").GetString());

    [Fact]
    public async Task A_confirmed_deployment_on_the_date_covers_a_sector_that_is_uncovered_without_the_date_or_on_another_date()
    {
        var town = await TownAsync();
        await factory.Database.Data.BookingAsync(town.GiveBox, new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.FromHours(1)), deployment: town.SectorC);

        var withDate = await CoverageAsync(town, "2026-12-12");
        var withoutDate = await CoverageAsync(town, null);
        var otherDate = await CoverageAsync(town, "2026-12-13");

        Assert.Equal(400, withDate.GetProperty("coveredPopulation").GetInt32());
        Assert.Equal(2, withDate.GetProperty("placesConsidered").GetInt32());
        var c = Row(withDate, town.Code + "C");
        Assert.True(c.GetProperty("covered").GetBoolean());
        Assert.True(c.GetProperty("nearestDistanceMeters").GetDouble() < 1);
        Assert.Equal("Depot " + town.Code, c.GetProperty("nearestPlace").GetProperty("name").GetString());
        Assert.DoesNotContain(town.Code + "C", SuggestedCodes(withDate));
        var site = withoutDate.GetProperty("suggestedSites")[0];
        Assert.Equal("Point", site.GetProperty("location").GetProperty("type").GetString());
        Assert.Equal(site.GetProperty("coordinates").GetProperty("longitude").GetDouble(), site.GetProperty("location").GetProperty("coordinates")[0].GetDouble());
        foreach (var report in new[] { withoutDate, otherDate })
        {
            Assert.Equal(100, report.GetProperty("coveredPopulation").GetInt32());
            Assert.Equal(1, report.GetProperty("placesConsidered").GetInt32());
            Assert.False(Row(report, town.Code + "C").GetProperty("covered").GetBoolean());
            Assert.Equal(town.Code + "C", SuggestedCodes(report).First());
        }
        // the deployment's 800 m disc is cut out of the uncovered area
        Assert.True(withDate.GetProperty("uncoveredArea").ToString().Length != withoutDate.GetProperty("uncoveredArea").ToString().Length);
    }

    [Fact]
    public async Task A_requested_booking_does_not_count_as_coverage()
    {
        var town = await TownAsync();
        await factory.Database.Data.BookingAsync(town.GiveBox, new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.FromHours(1)), status: "requested", deployment: town.SectorC);

        var report = await CoverageAsync(town, "2026-12-12");

        Assert.Equal(100, report.GetProperty("coveredPopulation").GetInt32());
        Assert.False(Row(report, town.Code + "C").GetProperty("covered").GetBoolean());
    }

    [Fact]
    public async Task The_date_is_a_Brussels_day_not_a_UTC_day()
    {
        var town = await TownAsync();
        // 23:30 to 01:00 UTC on 12/13 December is 00:30 to 02:00 on 13 December in Brussels
        await factory.Database.Data.BookingAsync(town.GiveBox, new DateTimeOffset(2026, 12, 12, 23, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 13, 1, 0, 0, TimeSpan.Zero), deployment: town.SectorC);

        var twelfth = await CoverageAsync(town, "2026-12-12");
        var thirteenth = await CoverageAsync(town, "2026-12-13");

        Assert.False(Row(twelfth, town.Code + "C").GetProperty("covered").GetBoolean());
        Assert.True(Row(thirteenth, town.Code + "C").GetProperty("covered").GetBoolean());
    }

    [Fact]
    public async Task A_deployment_counts_only_when_its_home_place_matches_the_kinds()
    {
        var town = await TownAsync();
        await factory.Database.Data.BookingAsync(town.GiveBox, new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.FromHours(1)), deployment: town.SectorC);

        var repairCafes = await CoverageAsync(town, "2026-12-12", ["REPAIR_CAFE"]);
        var giveBoxes = await CoverageAsync(town, "2026-12-12", ["GIVE_BOX"]);

        Assert.Equal(100, repairCafes.GetProperty("coveredPopulation").GetInt32());
        Assert.Equal(300, giveBoxes.GetProperty("coveredPopulation").GetInt32());
        Assert.Equal(1, giveBoxes.GetProperty("placesConsidered").GetInt32());
    }
}
