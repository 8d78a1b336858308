using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Endpoints;

/// <summary>/export/coverage.csv and .geojson through HTTP: the same figures as Query.coverage, planners only, 400 on bad parameters.</summary>
[Trait("Category", "Db")]
public sealed class CoverageExportEndpointsTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private readonly GraphQLTestClient _graphql = new(factory);

    private static string Square(double x, double y, double size) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))");

    private async Task<string> PlannerTokenAsync()
    {
        var (accountId, token) = await _graphql.SignUpAsync();
        await _graphql.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        return token;
    }

    // Four sectors with 100 to 400 residents, a repair café "Café, Gent" near A, a give-box near B
    // and the mobile give-box deployed at D on 12 December.
    private async Task<string> TownAsync()
    {
        var data = factory.Database.Data;
        var code = "E" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var (x, y) = (100 + Random.Shared.NextDouble() * 10, -50 + Random.Shared.NextDouble() * 5);
        await data.AreaAsync("municipality", code, "Testgem " + code, Square(x - 0.01, y - 0.01, 0.3), 1000, code);
        await data.AreaAsync("sector", code + "A", "A \"oost\", centrum", Square(x, y, 0.004), 100, code);
        await data.AreaAsync("sector", code + "B", "B", Square(x + 0.05, y, 0.004), 200, code);
        await data.AreaAsync("sector", code + "C", "C", Square(x + 0.1, y, 0.004), 300, code);
        await data.AreaAsync("sector", code + "D", "D", Square(x + 0.2, y, 0.004), 400, code);
        await data.PlaceAsync(x + 0.003, y + 0.002, name: "Café, Gent " + code, categories: ["electro"]);
        await data.PlaceAsync(x + 0.053, y + 0.002, kind: "give_box", name: "Weggeefkast " + code);
        var depot = await data.PlaceAsync(x + 1, y + 1, kind: "give_box", name: "Depot " + code);
        var box = await data.ResourceAsync(depot, new ResourceSpec { Kind = "mobile_give_box", IsMobile = true });
        await data.BookingAsync(box, new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.FromHours(1)), deployment: (x + 0.202, y + 0.002));
        return code;
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? token)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    private async Task<List<JsonElement>> GraphQLRowsAsync(string code, string token)
    {
        var response = await _graphql.PostAsync("""
            query($code: String!) {
              coverage(input: { area: { municipalityCode: $code }, kinds: [REPAIR_CAFE, GIVE_BOX], maxDistanceMeters: 900, date: "2026-12-12" }) {
                rows { area { code name level } population nearestDistanceMeters nearestPlace { name } covered }
              }
            }
            """, new { code }, token);
        Assert.False(response.HasErrors, response.Body.ToString());
        return [.. response.Data.GetProperty("coverage").GetProperty("rows").EnumerateArray()];
    }

    // RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records.
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString()); field.Clear(); records.Add(fields); fields = []; i++;
            }
            else { field.Append(c); }
        }
        Assert.Empty(fields);
        return records;
    }

    [Fact]
    public async Task Csv_rows_equal_the_GraphQL_coverage_rows_for_the_same_input()
    {
        var code = await TownAsync();
        var token = await PlannerTokenAsync();
        var expected = await GraphQLRowsAsync(code, token);

        using var response = await GetAsync(
            $"/export/coverage.csv?municipalityCode={code}&kinds=REPAIR_CAFE,GIVE_BOX&maxDistanceMeters=900&date=2026-12-12&rowLevel=SECTOR", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"coverage-{code}-sector-2026-12-12.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["area_code", "area_name", "level", "population", "nearest_distance_m", "nearest_place", "covered"], records[0]);
        Assert.Equal(expected.Count, records.Count - 1);
        Assert.Equal(4, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (row, csv) = (expected[i], records[i + 1]);
            Assert.Equal(row.GetProperty("area").GetProperty("code").GetString(), csv[0]);
            Assert.Equal(row.GetProperty("area").GetProperty("name").GetString(), csv[1]);
            Assert.Equal(row.GetProperty("area").GetProperty("level").GetString(), csv[2]);
            Assert.Equal(row.GetProperty("population").GetInt32().ToString(CultureInfo.InvariantCulture), csv[3]);
            Assert.Equal(row.GetProperty("nearestDistanceMeters").GetDouble(), double.Parse(csv[4], CultureInfo.InvariantCulture));
            Assert.Equal(row.GetProperty("nearestPlace").GetProperty("name").GetString(), csv[5]);
            Assert.Equal(row.GetProperty("covered").GetBoolean() ? "true" : "false", csv[6]);
        }
        // the quoted name and the deployment came through
        Assert.Contains(records, r => r[1] == "A \"oost\", centrum" && r[5] == "Café, Gent " + code && r[6] == "true");
        Assert.Contains(records, r => r[0] == code + "D" && r[5] == "Depot " + code && r[6] == "true");
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text()
    {
        var data = factory.Database.Data;
        var code = "F" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var (x, y) = (110 + Random.Shared.NextDouble() * 10, -60 + Random.Shared.NextDouble() * 5);
        await data.AreaAsync("municipality", code, "Testgem " + code, Square(x - 0.01, y - 0.01, 0.1), 300, code);
        await data.AreaAsync("sector", code + "A", "+SUM(1;2)", Square(x, y, 0.004), 100, code);
        await data.AreaAsync("sector", code + "B", "-2 centrum", Square(x + 0.05, y, 0.004), 200, code);
        await data.PlaceAsync(x + 0.002, y + 0.002, name: "=HYPERLINK(\"http://example.invalid\",\"open\") " + code);

        using var response = await GetAsync($"/export/coverage.csv?municipalityCode={code}&rowLevel=SECTOR", await PlannerTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = ParseCsv(await response.Content.ReadAsStringAsync());
        var a = Assert.Single(records, r => r[0] == code + "A");
        Assert.Equal("'+SUM(1;2)", a[1]);
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\",\"open\") " + code, a[5]);
        Assert.Equal("'-2 centrum", Assert.Single(records, r => r[0] == code + "B")[1]);
        // numbers are untouched
        Assert.Equal("100", a[3]);
    }

    [Fact]
    public async Task GeoJson_is_a_feature_collection_of_the_rows_with_their_boundaries()
    {
        var code = await TownAsync();
        var token = await PlannerTokenAsync();
        var expected = await GraphQLRowsAsync(code, token);

        using var response = await GetAsync(
            $"/export/coverage.geojson?municipalityCode={code}&kinds=REPAIR_CAFE,GIVE_BOX&maxDistanceMeters=900&date=2026-12-12", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected.Count, features.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var properties = features[i].GetProperty("properties");
            Assert.Equal("MultiPolygon", features[i].GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(expected[i].GetProperty("area").GetProperty("code").GetString(), properties.GetProperty("area_code").GetString());
            Assert.Equal("SECTOR", properties.GetProperty("level").GetString());
            Assert.Equal(expected[i].GetProperty("population").GetInt32(), properties.GetProperty("population").GetInt32());
            Assert.Equal(expected[i].GetProperty("nearestDistanceMeters").GetDouble(), properties.GetProperty("nearest_distance_m").GetDouble());
            Assert.Equal(expected[i].GetProperty("nearestPlace").GetProperty("name").GetString(), properties.GetProperty("nearest_place").GetString());
            Assert.Equal(expected[i].GetProperty("covered").GetBoolean(), properties.GetProperty("covered").GetBoolean());
        }
    }

    [Fact]
    public async Task Exports_need_a_signed_in_planner()
    {
        var code = await TownAsync();
        var (_, resident) = await _graphql.SignUpAsync();

        using var anonymous = await GetAsync($"/export/coverage.csv?municipalityCode={code}", null);
        using var forbidden = await GetAsync($"/export/coverage.geojson?municipalityCode={code}", resident);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("FORBIDDEN", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Exports_accept_the_session_cookie_of_a_planner()
    {
        var code = await TownAsync();
        var client = factory.CreateClient();
        var email = "cookie-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        var signUp = await client.PostAsJsonAsync("/auth/sign-up", new { email, password = "repair-cafe-2026", displayName = "Planner" });
        var accountId = Guid.Parse((await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetString()!);
        await _graphql.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", accountId));
        (await client.PostAsJsonAsync("/auth/sign-in", new { email, password = "repair-cafe-2026" })).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"/export/coverage.csv?municipalityCode={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("kinds=REPAIR_CAFE", "INVALID_INPUT", "area")]
    [InlineData("municipalityCode={code}&areaId=QXJlYTox", "INVALID_INPUT", "area")]
    [InlineData("municipalityCode=00000", "NOT_FOUND", "municipalityCode")]
    [InlineData("municipalityCode={code}&kinds=repair_cafe,bakery", "INVALID_INPUT", "kinds")]
    [InlineData("municipalityCode={code}&categories=ELECTRO,LASERS", "INVALID_INPUT", "categories")]
    [InlineData("municipalityCode={code}&maxDistanceMeters=far", "INVALID_INPUT", "maxDistanceMeters")]
    [InlineData("municipalityCode={code}&maxDistanceMeters=60000", "INVALID_INPUT", "maxDistanceMeters")]
    [InlineData("municipalityCode={code}&date=12/12/2026", "INVALID_INPUT", "date")]
    [InlineData("municipalityCode={code}&rowLevel=STREET", "INVALID_INPUT", "rowLevel")]
    [InlineData("municipalityCode={code}&distance=800", "INVALID_INPUT", "distance")]
    [InlineData("municipalityCode={code}&date=2026-12-12&date=2026-12-13", "INVALID_INPUT", "date")]
    [InlineData("areaId=not-an-id", "INVALID_INPUT", "areaId")]
    public async Task Bad_parameters_are_400_with_a_JSON_error(string query, string code, string field)
    {
        var town = await TownAsync();

        using var response = await GetAsync("/export/coverage.csv?" + query.Replace("{code}", town, StringComparison.Ordinal), await PlannerTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }
}
