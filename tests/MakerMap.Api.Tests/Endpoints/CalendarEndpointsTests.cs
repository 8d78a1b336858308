using System.Net;
using Dapper;
using MakerMap.Data.Schedules;

namespace MakerMap.Api.Tests.Endpoints;

/// <summary>The iCalendar feeds on the real server (Program maps them; the factory switches jobs off).</summary>
[Trait("Category", "Db")]
public sealed class CalendarEndpointsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private HttpClient CreateClient() => factory.CreateClient();

    [Fact]
    public async Task Organisation_feed_is_a_vcalendar_with_the_booking_as_a_vevent()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync("Buurtwerk Rabot");
        var place = await data.PlaceAsync(3.71, 51.06, name: "Timelab");
        var resource = await data.ResourceAsync(place, new MakerMap.TestSupport.ResourceSpec { Name = "Lasersnijder, groot" });
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(7).AddHours(13), TimeSpan.Zero);
        var bookingId = await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, organisation_id)
            VALUES (@resource, tstzrange(@start, @end, '[)'), 'confirmed', true, @organisation) RETURNING id
            """, new { resource, start = start.UtcDateTime, end = start.UtcDateTime.AddHours(2), organisation });
        var token = await connection.ExecuteScalarAsync<string>("SELECT calendar_token FROM organisations WHERE id = @organisation", new { organisation });
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri($"/calendar/organisations/{token}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var lines = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("END:VCALENDAR", lines);
        Assert.Contains("X-WR-CALNAME:Buurtwerk Rabot", lines);
        var uid = Array.IndexOf(lines, $"UID:booking-{bookingId}@makermap");
        Assert.True(uid > 0);
        var begin = Array.LastIndexOf(lines, "BEGIN:VEVENT", uid);
        Assert.True(begin >= 0 && Array.IndexOf(lines, "END:VEVENT", begin) > uid, "the UID is a VEVENT's");
        Assert.Contains($"DTSTART:{start:yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains("SUMMARY:Lasersnijder\\, groot", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
    }

    [Fact]
    public async Task Organisation_feed_with_a_wrong_token_is_404()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("/calendar/organisations/0123456789abcdef0123456789abcdef0123456789abcdef.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Place_feed_lists_its_sessions_and_an_unknown_place_is_404()
    {
        var place = await factory.Database.Data.PlaceAsync(3.73, 51.05, name: "Repair Café Sluizeken");
        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO schedules (kind, place_id, title, starts_local, duration, rrule, source_code)
                VALUES ('session', @place, 'Repair Café', @local, '3 hours', 'FREQ=WEEKLY;COUNT=2', 'test')
                """, new { place, local = DateTime.UtcNow.Date.AddDays(2).AddHours(14) });
        }
        await new SlotMaterialiser(factory.Database.DataSource).MaterialiseAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        using var client = CreateClient();

        var ics = await client.GetStringAsync(new Uri($"/calendar/places/{place}.ics", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri($"/calendar/places/{Guid.NewGuid()}.ics", UriKind.Relative));

        Assert.Equal(2, ics.Split("\r\n").Count(l => l.StartsWith("UID:session-", StringComparison.Ordinal)));
        Assert.Contains("SUMMARY:Repair Café", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task Session_file_holds_that_one_session_and_a_resource_slot_or_unknown_id_is_404()
    {
        var place = await factory.Database.Data.PlaceAsync(3.74, 51.06, name: "Repair Café Muide");
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO schedules (kind, place_id, title, starts_local, duration, rrule, source_code)
            VALUES ('session', @place, 'Repair Café Muide', @local, '3 hours', 'FREQ=WEEKLY;COUNT=3', 'test')
            """, new { place, local = DateTime.UtcNow.Date.AddDays(3).AddHours(14) });
        await new SlotMaterialiser(factory.Database.DataSource).MaterialiseAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        var second = await connection.ExecuteScalarAsync<Guid>(
            "SELECT id FROM slots WHERE place_id = @place ORDER BY lower(period) OFFSET 1 LIMIT 1", new { place });
        using var client = CreateClient();

        var ics = await client.GetStringAsync(new Uri($"/calendar/sessions/{second}.ics", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri($"/calendar/sessions/{Guid.NewGuid()}.ics", UriKind.Relative));

        var uids = ics.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"UID:session-{second}@makermap"], uids);
        Assert.Contains("SUMMARY:Repair Café Muide", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
