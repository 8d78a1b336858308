using Dapper;
using MakerMap.Data.Graph;
using MakerMap.Data.Places;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Places;

/// <summary>
/// <c>openAt</c> means one thing for both searches that take it (issue 13): open by the place's opening hours
/// (Europe/Brussels) or holding a session then, for <c>nearestPlaces</c> and for <c>places(filter:)</c> alike.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "13")]
public sealed class OpenAtFilterTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset SessionStart = new(2026, 11, 14, 14, 0, 0, TimeSpan.FromHours(1));

    // Each test puts its four places around its own longitude, 0.01° apart (the class shares one database).
    private async Task<(Guid ByHours, Guid BySession, Guid Closed, Guid CancelledSession)> PlacesAsync(double lon)
    {
        var byHours = await db.Data.PlaceAsync(lon, 50.88, "reuse_centre");
        var bySession = await db.Data.PlaceAsync(lon + 0.01, 50.88);
        var closed = await db.Data.PlaceAsync(lon + 0.02, 50.88, "maker_space");
        var cancelledSession = await db.Data.PlaceAsync(lon + 0.03, 50.88);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            // Saturday 14 November 2026: open 10-18 by the hours; the other one only on weekdays
            await connection.ExecuteAsync("UPDATE places SET opening_hours = 'Sa 10:00-18:00' WHERE id = @byHours", new { byHours });
            await connection.ExecuteAsync("UPDATE places SET opening_hours = 'Mo-Fr 09:00-17:00' WHERE id = @closed", new { closed });
        }
        await SessionAsync(bySession, SessionStart, SessionStart.AddHours(3), cancel: false);
        await SessionAsync(cancelledSession, SessionStart, SessionStart.AddHours(3), cancel: true);
        return (byHours, bySession, closed, cancelledSession);
    }

    private async Task<List<Guid>> NearestOpenAsync(double lon, DateTimeOffset at) =>
        [.. (await NearestRows.FindAsync(db.DataSource,
                new NearestPlacesQuery { Longitude = lon, Latitude = 50.88, Limit = 100, OpenAt = at, MaxDistanceMeters = 3_000 }))
            .Select(h => h.Id)];

    private async Task<List<Guid>> PagedOpenAsync(double lon, DateTimeOffset at) =>
        [.. (await new PlaceSearchQueries(db.DataSource).PageAsync(new PlaceFilterArgs { OpenAt = at, Box = (lon - 0.005, 50.87, lon + 0.035, 50.89) },
            100, after: null, () => new Dictionary<string, object?>(StringComparer.Ordinal), CancellationToken.None)).Select(r => (Guid)r["uuid"]!)];

    [Fact]
    public async Task NearestPlaces_openAt_keeps_places_open_by_hours_or_holding_a_session()
    {
        var (byHours, bySession, _, _) = await PlacesAsync(4.70);

        Assert.Equal([byHours, bySession], await NearestOpenAsync(4.70, SessionStart.AddHours(1)));
        Assert.Equal([byHours], await NearestOpenAsync(4.70, SessionStart.AddHours(-3)));
        // half-open session [start, end): over at its end
        Assert.Equal([byHours], await NearestOpenAsync(4.70, SessionStart.AddHours(3)));
    }

    [Fact]
    public async Task Places_filter_openAt_answers_what_nearestPlaces_openAt_answers()
    {
        var (byHours, bySession, _, _) = await PlacesAsync(5.00);

        foreach (var at in (DateTimeOffset[])[SessionStart.AddHours(1), SessionStart.AddHours(-3), SessionStart.AddHours(3), SessionStart.AddDays(2)])
        {
            Assert.Equal((await NearestOpenAsync(5.00, at)).Order(), (await PagedOpenAsync(5.00, at)).Order());
        }
        Assert.Equal(new[] { byHours, bySession }.Order(), (await PagedOpenAsync(5.00, SessionStart.AddHours(1))).Order());
    }

    [Fact]
    public async Task NearestPlaces_openAt_returns_first_open_places_even_when_closed_ones_are_nearer()
    {
        var (byHours, _, _, _) = await PlacesAsync(4.40);
        // 150 closed places nearer to the search point than the open one: the old search looked at the
        // 100 nearest only and then filtered
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO places (slug, name, kind, location, source_code, opening_hours)
                SELECT 'closed-' || g, 'Closed ' || g, 'repair_shop', ST_SetSRID(ST_MakePoint(4.30 + g * 0.00001, 50.88), 4326), @source, 'Mo 09:00-10:00'
                  FROM generate_series(1, 150) AS g
                """, new { source = TestData.SourceCode });
        }

        var open = await NearestRows.FindAsync(db.DataSource,
            new NearestPlacesQuery { Longitude = 4.30, Latitude = 50.88, Limit = 1, OpenAt = SessionStart.AddHours(-3) });

        Assert.Equal([byHours], open.Select(h => h.Id));
    }

    private async Task SessionAsync(Guid placeId, DateTimeOffset start, DateTimeOffset end, bool cancel)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var schedule = await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO schedules (kind, place_id, title, starts_local, duration, source_code)
            VALUES ('session', @placeId, 'Repair café', @local, @duration, @source)
            RETURNING id
            """,
            new { placeId, local = start.DateTime, duration = end - start, source = TestData.SourceCode });
        await connection.ExecuteAsync(
            """
            INSERT INTO slots (schedule_id, place_id, period, capacity, is_cancelled)
            VALUES (@schedule, @placeId, tstzrange(@start, @end, '[)'), 20, @cancel)
            """,
            new { schedule, placeId, start = start.UtcDateTime, end = end.UtcDateTime, cancel });
    }
}
