using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dapper;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Schedules;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 17, iCalendar: every feed kind (an organisation with and without bookings, a place with and
/// without sessions) parses with ical.js and holds a component; changed events carry SEQUENCE and
/// LAST-MODIFIED; <c>Organisation.calendarFeedUrl</c> is absolute.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "17")]
public sealed class Issue17CalendarTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    [Fact]
    public async Task Every_feed_kind_parses_with_ical_js_and_changed_events_carry_sequence_and_last_modified()
    {
        var data = factory.Database.Data;
        var busy = await data.OrganisationAsync("Buurtwerk Issue 17");
        var idle = await data.OrganisationAsync("Stil Issue 17");
        var place = await data.PlaceAsync(3.71, 51.06, name: "Timelab Issue 17");
        var quiet = await data.PlaceAsync(3.72, 51.07, name: "Stille plek Issue 17");
        var resource = await data.ResourceAsync(place, new ResourceSpec { Name = "Lasersnijder, groot" });
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(7).AddHours(13), TimeSpan.Zero);
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        var unchanged = await BookingAsync(connection, resource, busy, start, "confirmed");
        var moved = await BookingAsync(connection, resource, busy, start.AddDays(1), "requested");
        await connection.ExecuteAsync("UPDATE bookings SET period = tstzrange(lower(period) + interval '1 hour', upper(period) + interval '1 hour', '[)') WHERE id = @moved", new { moved });
        await connection.ExecuteAsync("UPDATE bookings SET status = 'cancelled' WHERE id = @moved", new { moved });
        await connection.ExecuteAsync("UPDATE bookings SET updated_at = now() WHERE id = @unchanged", new { unchanged });
        await connection.ExecuteAsync(
            """
            INSERT INTO schedules (kind, place_id, title, starts_local, duration, rrule, source_code)
            VALUES ('session', @place, 'Repair Café', @local, '3 hours', 'FREQ=WEEKLY;COUNT=2', 'test')
            """, new { place, local = DateTime.UtcNow.Date.AddDays(2).AddHours(14) });
        await new SlotMaterialiser(factory.Database.DataSource).MaterialiseAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        var cancelledSession = await connection.ExecuteScalarAsync<Guid>(
            "UPDATE slots SET is_cancelled = true WHERE id = (SELECT id FROM slots WHERE place_id = @place ORDER BY period LIMIT 1) RETURNING id", new { place });
        string Token(Guid organisation) => connection.ExecuteScalar<string>("SELECT calendar_token FROM organisations WHERE id = @organisation", new { organisation })!;
        using var client = factory.CreateClient();
        var feeds = new Dictionary<string, string>
        {
            ["organisation"] = $"/calendar/organisations/{Token(busy)}.ics",
            ["organisation-empty"] = $"/calendar/organisations/{Token(idle)}.ics",
            ["place"] = $"/calendar/places/{place}.ics",
            ["place-empty"] = $"/calendar/places/{quiet}.ics",
        };
        var folder = Directory.CreateTempSubdirectory("makermap-ics-").FullName;
        try
        {
            foreach (var (kind, url) in feeds)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await File.WriteAllBytesAsync(Path.Combine(folder, kind + ".ics"), await response.Content.ReadAsByteArrayAsync());
            }

            var parsed = (await ParseWithIcalJsAsync(feeds.Keys.Select(kind => Path.Combine(folder, kind + ".ics"))))
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f.GetProperty("file").GetString()!), f => f);

            Assert.All(parsed.Values, feed => Assert.Contains("vtimezone", feed.GetProperty("components").EnumerateArray().Select(c => c.GetString())));
            Assert.Equal(0, parsed["organisation-empty"].GetProperty("events").GetArrayLength());
            Assert.Equal(0, parsed["place-empty"].GetProperty("events").GetArrayLength());
            var bookings = parsed["organisation"].GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
            var movedEvent = bookings[$"booking-{moved}@makermap"];
            Assert.Equal(2, movedEvent.GetProperty("sequence").GetInt32());
            Assert.Equal("CANCELLED", movedEvent.GetProperty("status").GetString());
            Assert.NotNull(movedEvent.GetProperty("lastModified").GetString());
            Assert.Equal(0, bookings[$"booking-{unchanged}@makermap"].GetProperty("sequence").GetInt32());
            var sessions = parsed["place"].GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
            Assert.Equal(2, sessions.Count);
            Assert.Equal(1, sessions[$"session-{cancelledSession}@makermap"].GetProperty("sequence").GetInt32());
            Assert.Equal("CANCELLED", sessions[$"session-{cancelledSession}@makermap"].GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Calendar_feed_url_is_absolute_from_the_request_and_serves_the_feed()
    {
        var graphql = new GraphQLTestClient(factory);
        var organisation = await factory.Database.Data.OrganisationAsync("Absoluut Issue 17");
        var (_, token) = await graphql.MemberAsync(organisation);

        var response = await graphql.PostAsync("query($o: ID!) { organisation(id: $o) { calendarFeedUrl } }",
            new { o = GraphQLTestClient.Id("Organisation", organisation) }, token);

        var url = response.Data.GetProperty("organisation").GetProperty("calendarFeedUrl").GetString()!;
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), url);
        using var client = factory.CreateClient();
        Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
        using var feed = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    private static Task<Guid> BookingAsync(Npgsql.NpgsqlConnection connection, Guid resource, Guid organisation, DateTimeOffset start, string status) =>
        connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, organisation_id)
            VALUES (@resource, tstzrange(@start, @end, '[)'), @status, true, @organisation) RETURNING id
            """, new { resource, start = start.UtcDateTime, end = start.UtcDateTime.AddHours(2), status, organisation });

    /// <summary>Runs tests/conformance/ical/parse-feeds.mjs (ical.js) on the files; any parse error fails the test.</summary>
    private static async Task<List<JsonElement>> ParseWithIcalJsAsync(IEnumerable<string> files)
    {
        var conformance = ConformanceFolder();
        Assert.True(Directory.Exists(Path.Combine(conformance, "node_modules", "ical.js")),
            "tests/conformance/node_modules/ical.js is missing: run tests/conformance/setup.sh first.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = conformance,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ical/parse-feeds.mjs");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"ical.js refused a feed: {await stderr}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static string ConformanceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MakerMap.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "conformance");
            }
        }
        throw new InvalidOperationException("MakerMap.sln not found above the test binaries.");
    }
}
