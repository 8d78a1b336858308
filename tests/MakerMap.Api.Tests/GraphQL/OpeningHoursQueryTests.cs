namespace MakerMap.Api.Tests.GraphQL;

/// <summary>Place.openStateAt and Query.openingHoursPreview through HTTP (issue 17).</summary>
[Trait("Category", "Db")]
[Trait("Issue", "17")]
public sealed class OpeningHoursQueryTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Preview = """
        query($value: String!, $from: DateTime!, $days: Int) {
          openingHoursPreview(value: $value, from: $from, days: $days) {
            valid errors warnings intervals { start end state comment }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    [Fact]
    public async Task OpeningHoursPreview_covers_the_window_without_gaps_in_brussels_time()
    {
        // Monday 23 November 2026; the fallback comment makes the rest of the week unknown, not closed.
        var response = await _client.PostAsync(Preview, new { value = "Mo-Fr 09:00-17:00 || \"op afspraak\"", from = "2026-11-23T00:00:00+01:00", days = 1 });

        Assert.False(response.HasErrors, response.Body.ToString());
        var preview = response.Data.GetProperty("openingHoursPreview");
        Assert.True(preview.GetProperty("valid").GetBoolean());
        var intervals = preview.GetProperty("intervals").EnumerateArray()
            .Select(i => (i.GetProperty("start").GetString(), i.GetProperty("end").GetString(), i.GetProperty("state").GetString(),
                i.GetProperty("comment").ValueKind == System.Text.Json.JsonValueKind.Null ? null : i.GetProperty("comment").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("2026-11-22T23:00:00Z", "2026-11-23T08:00:00Z", "UNKNOWN", "op afspraak"),
            ("2026-11-23T08:00:00Z", "2026-11-23T16:00:00Z", "OPEN", null),
            ("2026-11-23T16:00:00Z", "2026-11-23T23:00:00Z", "UNKNOWN", "op afspraak"),
        ], intervals);
    }

    [Fact]
    public async Task OpeningHoursPreview_of_an_invalid_value_gives_the_error_and_no_intervals()
    {
        var response = await _client.PostAsync(Preview, new { value = "Apr 31", from = "2026-11-23T00:00:00+01:00" });

        Assert.False(response.HasErrors, response.Body.ToString());
        var preview = response.Data.GetProperty("openingHoursPreview");
        Assert.False(preview.GetProperty("valid").GetBoolean());
        Assert.Equal("Invalid opening_hours at position 4: expected a day of Apr up to 30 (it has 30 days), found \"31\".",
            Assert.Single(preview.GetProperty("errors").EnumerateArray()).GetString());
        Assert.Equal(0, preview.GetProperty("intervals").GetArrayLength());
    }

    [Fact]
    public async Task OpeningHoursPreview_of_more_than_31_days_is_BAD_USER_INPUT()
    {
        var response = await _client.PostAsync(Preview, new { value = "24/7", from = "2026-11-23T00:00:00+01:00", days = 32 });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }

    [Fact]
    public async Task OpenStateAt_tells_unknown_from_closed_with_the_comment()
    {
        var place = await factory.Database.Data.PlaceAsync(-140, -40, name: "Op afspraak");
        await _client.ExecuteSqlAsync("UPDATE places SET opening_hours = 'Mo-Fr 09:00-17:00 || \"op afspraak\"' WHERE id = @p", ("p", place));
        const string Query = """
            query($id: ID!) {
              place(id: $id) {
                evening: openStateAt(at: "2026-11-23T18:00:00+01:00") { state comment }
                morning: openStateAt(at: "2026-11-23T10:00:00+01:00") { state comment }
                isOpenAt(at: "2026-11-23T18:00:00+01:00")
              }
            }
            """;

        var response = await _client.PostAsync(Query, new { id = GraphQLTestClient.Id("Place", place) });

        Assert.False(response.HasErrors, response.Body.ToString());
        var result = response.Data.GetProperty("place");
        Assert.Equal("UNKNOWN", result.GetProperty("evening").GetProperty("state").GetString());
        Assert.Equal("op afspraak", result.GetProperty("evening").GetProperty("comment").GetString());
        Assert.Equal("OPEN", result.GetProperty("morning").GetProperty("state").GetString());
        Assert.False(result.GetProperty("isOpenAt").GetBoolean());
    }
}
