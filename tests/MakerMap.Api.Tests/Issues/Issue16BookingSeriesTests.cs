using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 16, item 4: recurring bookings through HTTP against PostGIS. A weekly series is one request whose
/// weeks succeed or fail on their own, repeats Brussels wall-clock times across a daylight-saving change,
/// can be cancelled whole or from a week on, and never over-books when it races single requests.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "16")]
public sealed class Issue16BookingSeriesTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string RequestSeries = """
        mutation($i: RequestBookingSeriesInput!) {
          requestBookingSeries(input: $i) {
            series { id weeks start end occurrences { id status start } }
            occurrences { week start end booking { id status series { id } } error { code message field } }
            errors { code message field }
          }
        }
        """;

    private const string CancelSeries = """
        mutation($i: CancelBookingSeriesInput!) {
          cancelBookingSeries(input: $i) { series { id } cancelled { id status start cancellationReason } errors { code message field } }
        }
        """;

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private readonly GraphQLTestClient _client = new(factory);

    private TestData Data => factory.Database.Data;

    // A shared resource of the organisation bookable in free periods (no availability schedule).
    private async Task<(Guid Organisation, Guid Resource)> ResourceAsync(int capacity, bool requiresApproval = false)
    {
        var organisation = await Data.OrganisationAsync();
        var place = await Data.PlaceAsync(3.72, 51.05);
        var resource = await Data.ResourceAsync(place, new ResourceSpec { Capacity = capacity, Exclusive = false, RequiresApproval = requiresApproval });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        return (organisation, resource);
    }

    // Brussels wall-clock time → instant.
    private static DateTimeOffset Local(DateTime wallClock) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Brussels), TimeSpan.Zero);

    // Saturday 10:00 Brussels time, at least a week from now.
    private static DateTime NextSaturdayTen()
    {
        var day = DateTime.UtcNow.Date.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }
        return day.AddHours(10);
    }

    private static object SeriesInput(Guid resource, Guid organisation, DateTime firstLocalStart, int weeks, bool waitlist = false, int hours = 7) => new
    {
        resourceId = GraphQLTestClient.Id("Resource", resource),
        organisationId = GraphQLTestClient.Id("Organisation", organisation),
        start = Local(firstLocalStart).ToString("O"),
        end = Local(firstLocalStart.AddHours(hours)).ToString("O"),
        weeks,
        joinWaitlistIfFull = waitlist,
        purpose = "Weekly repair evening",
    };

    private static string? Code(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.GetProperty("code").GetString() : null;

    [Fact]
    public async Task Series_of_4_with_week_3_full_books_3_weeks_and_refuses_the_full_week_with_CAPACITY_EXCEEDED()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var first = NextSaturdayTen();
        await Data.BookingAsync(resource, Local(first.AddDays(14)), Local(first.AddDays(14).AddHours(7)), organisationId: organisation);
        var (_, token) = await _client.MemberAsync(organisation);

        var response = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 4) }, token);

        var payload = response.Data.GetProperty("requestBookingSeries");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        var weeks = payload.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], weeks.Select(w => w.GetProperty("week").GetInt32()));
        Assert.Equal(["CONFIRMED", "CONFIRMED", null, "CONFIRMED"],
            weeks.Select(w => w.GetProperty("booking").ValueKind == JsonValueKind.Object ? w.GetProperty("booking").GetProperty("status").GetString() : null));
        Assert.Equal([null, null, "CAPACITY_EXCEEDED", null], weeks.Select(w => Code(w.GetProperty("error"))));
        var series = payload.GetProperty("series");
        Assert.Equal(4, series.GetProperty("weeks").GetInt32());
        Assert.Equal(3, series.GetProperty("occurrences").GetArrayLength());
        Assert.All(weeks.Where(w => w.GetProperty("booking").ValueKind == JsonValueKind.Object),
            w => Assert.Equal(series.GetProperty("id").GetString(), w.GetProperty("booking").GetProperty("series").GetProperty("id").GetString()));
        Assert.Equal(3, await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND series_id IS NOT NULL", new { resource }));
    }

    [Fact]
    public async Task Series_with_joinWaitlistIfFull_waitlists_the_full_week_and_books_the_others()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var first = NextSaturdayTen();
        await Data.BookingAsync(resource, Local(first.AddDays(14)), Local(first.AddDays(14).AddHours(7)), organisationId: organisation);
        var (_, token) = await _client.MemberAsync(organisation);

        var response = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 4, waitlist: true) }, token);

        var weeks = response.Data.GetProperty("requestBookingSeries").GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(["CONFIRMED", "CONFIRMED", "WAITLISTED", "CONFIRMED"], weeks.Select(w => w.GetProperty("booking").GetProperty("status").GetString()));
        Assert.All(weeks, w => Assert.Equal(JsonValueKind.Null, w.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task Series_across_the_spring_daylight_saving_change_keeps_10_to_17_Brussels_time_every_week()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        // the last Sunday of March that is more than a week away; the series starts on the Saturday 8 days before it
        var year = DateTime.UtcNow.Year;
        DateTime LastSundayOfMarch(int y) => Enumerable.Range(25, 7).Select(d => new DateTime(y, 3, d)).Single(d => d.DayOfWeek == DayOfWeek.Sunday);
        var change = LastSundayOfMarch(year) > DateTime.UtcNow.AddDays(10) ? LastSundayOfMarch(year) : LastSundayOfMarch(year + 1);
        var first = change.AddDays(-8).AddHours(10);
        var (_, token) = await _client.MemberAsync(organisation);

        var response = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 4) }, token);

        var weeks = response.Data.GetProperty("requestBookingSeries").GetProperty("occurrences").EnumerateArray().ToList();
        var starts = weeks.Select(w => w.GetProperty("start").GetDateTimeOffset()).ToList();
        var ends = weeks.Select(w => w.GetProperty("end").GetDateTimeOffset()).ToList();
        Assert.All(starts.Concat(ends), t => Assert.Equal(0, t.Minute));
        Assert.All(starts, s => Assert.Equal(10, TimeZoneInfo.ConvertTime(s, Brussels).Hour));
        Assert.All(ends, e => Assert.Equal(17, TimeZoneInfo.ConvertTime(e, Brussels).Hour));
        // 09:00 UTC in winter time, 08:00 UTC in summer time
        Assert.Equal([9, 9, 8, 8], starts.Select(s => s.UtcDateTime.Hour));
        Assert.All(weeks, w => Assert.Equal("CONFIRMED", w.GetProperty("booking").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task CancelBookingSeries_without_fromStart_cancels_every_remaining_week_with_the_reason()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var (_, token) = await _client.MemberAsync(organisation);
        var created = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, NextSaturdayTen(), 3) }, token);
        var seriesId = created.Data.GetProperty("requestBookingSeries").GetProperty("series").GetProperty("id").GetString();

        var response = await _client.PostAsync(CancelSeries, new { i = new { seriesId, reason = "Workshop moves" } }, token);

        var cancelled = response.Data.GetProperty("cancelBookingSeries").GetProperty("cancelled").EnumerateArray().ToList();
        Assert.Equal(3, cancelled.Count);
        Assert.All(cancelled, c => Assert.Equal("CANCELLED", c.GetProperty("status").GetString()));
        Assert.All(cancelled, c => Assert.Equal("Workshop moves", c.GetProperty("cancellationReason").GetString()));
        Assert.Equal(0, await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND status <> 'cancelled'", new { resource }));
        var again = await _client.PostAsync(CancelSeries, new { i = new { seriesId } }, token);
        Assert.Equal("INVALID_TRANSITION", Code(again.Data.GetProperty("cancelBookingSeries").GetProperty("errors")[0]));
    }

    [Fact]
    public async Task CancelBookingSeries_from_a_week_keeps_the_weeks_before_it()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var (_, token) = await _client.MemberAsync(organisation);
        var first = NextSaturdayTen();
        var created = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 4) }, token);
        var seriesId = created.Data.GetProperty("requestBookingSeries").GetProperty("series").GetProperty("id").GetString();

        var response = await _client.PostAsync(CancelSeries, new { i = new { seriesId, fromStart = Local(first.AddDays(14)).ToString("O") } }, token);

        var cancelled = response.Data.GetProperty("cancelBookingSeries").GetProperty("cancelled").EnumerateArray()
            .Select(c => c.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal([Local(first.AddDays(14)), Local(first.AddDays(21))], cancelled);
        Assert.Equal(2, await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND status = 'confirmed'", new { resource }));
    }

    [Theory]
    [InlineData(0, "INVALID_SERIES_LENGTH", "weeks")]
    [InlineData(1, "INVALID_SERIES_LENGTH", "weeks")]
    [InlineData(53, "INVALID_SERIES_LENGTH", "weeks")]
    [InlineData(1000, "INVALID_SERIES_LENGTH", "weeks")]
    [InlineData(-7, "INVALID_PERIOD", "end")]
    public async Task RequestBookingSeries_with_bad_input_names_the_field_and_books_nothing(int weeksOrReversedHours, string code, string field)
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var (_, token) = await _client.MemberAsync(organisation);
        var input = weeksOrReversedHours < 0
            ? SeriesInput(resource, organisation, NextSaturdayTen(), 4, hours: weeksOrReversedHours)
            : SeriesInput(resource, organisation, NextSaturdayTen(), weeksOrReversedHours);

        var response = await _client.PostAsync(RequestSeries, new { i = input }, token);

        var payload = response.Data.GetProperty("requestBookingSeries");
        var error = payload.GetProperty("errors")[0];
        Assert.Equal(code, Code(error));
        Assert.Equal(["input", field], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("series").ValueKind);
        Assert.Equal(0, await Data.CountAsync("SELECT count(*) FROM booking_series WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task Series_whose_every_week_is_full_keeps_nothing_and_says_why_per_week()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var first = NextSaturdayTen();
        await Data.BookingAsync(resource, Local(first), Local(first.AddDays(7).AddHours(7)), organisationId: organisation);
        var (_, token) = await _client.MemberAsync(organisation);

        var response = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 2) }, token);

        var payload = response.Data.GetProperty("requestBookingSeries");
        Assert.Equal("CAPACITY_EXCEEDED", Code(payload.GetProperty("errors")[0]));
        Assert.Equal(["CAPACITY_EXCEEDED", "CAPACITY_EXCEEDED"], payload.GetProperty("occurrences").EnumerateArray().Select(w => Code(w.GetProperty("error"))));
        Assert.Equal(0, await Data.CountAsync("SELECT count(*) FROM booking_series WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task Series_of_another_organisation_is_NOT_FOUND_for_cancel_and_null_for_node()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1);
        var (_, token) = await _client.MemberAsync(organisation);
        var created = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, NextSaturdayTen(), 2) }, token);
        var seriesId = created.Data.GetProperty("requestBookingSeries").GetProperty("series").GetProperty("id").GetString();
        var (_, stranger) = await _client.MemberAsync(await Data.OrganisationAsync());

        var cancel = await _client.PostAsync(CancelSeries, new { i = new { seriesId } }, stranger);
        var node = await _client.PostAsync("query($id: ID!) { node(id: $id) { ... on BookingSeries { weeks } } }", new { id = seriesId }, stranger);
        var own = await _client.PostAsync("query($id: ID!) { node(id: $id) { ... on BookingSeries { weeks occurrences { status } } } }", new { id = seriesId }, token);

        Assert.Equal("NOT_FOUND", Code(cancel.Data.GetProperty("cancelBookingSeries").GetProperty("errors")[0]));
        Assert.Equal(JsonValueKind.Null, node.Data.GetProperty("node").ValueKind);
        Assert.Equal(2, own.Data.GetProperty("node").GetProperty("weeks").GetInt32());
        Assert.Equal(2, await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND status = 'confirmed'", new { resource }));
    }

    [Fact]
    public async Task Series_needing_approval_notifies_each_manager_once_and_queues_every_week()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 1, requiresApproval: true);
        var (manager, managerToken) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        var (_, token) = await _client.MemberAsync(organisation);

        var response = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, NextSaturdayTen(), 4) }, token);
        var queue = await _client.PostAsync("{ requestsToDecide(first: 100) { resource { id } series { weeks } } }", null, managerToken);

        Assert.All(response.Data.GetProperty("requestBookingSeries").GetProperty("occurrences").EnumerateArray(),
            w => Assert.Equal("REQUESTED", w.GetProperty("booking").GetProperty("status").GetString()));
        Assert.Equal(1, await Data.CountAsync("SELECT count(*) FROM notifications WHERE account_id = @manager AND kind = 'booking_requested'", new { manager }));
        Assert.Equal(4, queue.Data.GetProperty("requestsToDecide").EnumerateArray()
            .Count(b => b.GetProperty("resource").GetProperty("id").GetString() == GraphQLTestClient.Id("Resource", resource)
                        && b.GetProperty("series").GetProperty("weeks").GetInt32() == 4));
    }

    [Fact]
    public async Task Database_refuses_an_occurrence_that_is_not_its_series_week()
    {
        var (organisation, resource) = await ResourceAsync(capacity: 5);
        var (_, token) = await _client.MemberAsync(organisation);
        var first = NextSaturdayTen();
        var created = await _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 2) }, token);
        var series = GraphQLTestClient.Uuid(created.Data.GetProperty("requestBookingSeries").GetProperty("series").GetProperty("id").GetString()!);

        var moved = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _client.ExecuteSqlAsync(
            "UPDATE bookings SET period = tstzrange(lower(period) + interval '1 hour', upper(period) + interval '1 hour', '[)') WHERE series_id = @s AND series_week = 1",
            ("s", series)));

        Assert.Equal("makermap:series_mismatch", moved.Hint);
    }

    /// <summary>
    /// Three series and twelve single requests for the same four weeks of a resource of 2, all at once, three
    /// rounds on fresh resources: no week ever holds more than 2 units, and every week is full.
    /// </summary>
    [Fact]
    public async Task Series_racing_single_bookings_for_the_same_weeks_never_exceeds_capacity()
    {
        for (var round = 0; round < 3; round++)
        {
            var (organisation, resource) = await ResourceAsync(capacity: 2);
            var (_, token) = await _client.MemberAsync(organisation);
            var first = NextSaturdayTen().AddDays(7 * round);
            var series = Enumerable.Range(0, 3).Select(_ => _client.PostAsync(RequestSeries, new { i = SeriesInput(resource, organisation, first, 4) }, token));
            var singles = Enumerable.Range(0, 12).Select(n => _client.PostAsync(
                "mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id } errors { code } } }",
                new
                {
                    i = new
                    {
                        resourceId = GraphQLTestClient.Id("Resource", resource),
                        organisationId = GraphQLTestClient.Id("Organisation", organisation),
                        start = Local(first.AddDays(7 * (n % 4))).ToString("O"),
                        end = Local(first.AddDays(7 * (n % 4)).AddHours(7)).ToString("O"),
                    },
                }, token));

            var responses = await Task.WhenAll(series.Concat(singles));

            Assert.All(responses, r => Assert.False(r.HasErrors, r.Body.ToString()));
            for (var week = 0; week < 4; week++)
            {
                var start = Local(first.AddDays(7 * week));
                Assert.Equal(2, await Data.CountAsync(
                    "SELECT booked_units_peak(@resource, tstzrange(@start, @end, '[)'), NULL)",
                    new { resource, start, end = start.AddHours(7) }));
                Assert.Equal(2, await Data.CountAsync(
                    "SELECT count(*) FROM bookings WHERE resource_id = @resource AND status = 'confirmed' AND lower(period) = @start",
                    new { resource, start }));
            }
        }
    }
}
