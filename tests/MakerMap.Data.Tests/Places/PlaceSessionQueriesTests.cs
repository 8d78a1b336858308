using Dapper;
using MakerMap.Data.Places;
using MakerMap.Data.Places.OpeningHours;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Places;

[Trait("Category", "Db")]
public sealed class PlaceSessionQueriesTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset SessionStart = new(2026, 11, 14, 14, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task FindPlacesWithSessionAtAsync_finds_places_whose_live_session_contains_the_instant()
    {
        var cafe = await db.Data.PlaceAsync(3.72, 51.05);
        var cancelled = await db.Data.PlaceAsync(3.73, 51.05);
        var other = await db.Data.PlaceAsync(3.74, 51.05);
        await SessionAsync(cafe, SessionStart, SessionStart.AddHours(3), cancel: false);
        await SessionAsync(cancelled, SessionStart, SessionStart.AddHours(3), cancel: true);
        var queries = new PlaceSessionQueries(db.DataSource);
        Guid[] ids = [cafe, cancelled, other];

        Assert.Equal([cafe], await queries.FindPlacesWithSessionAtAsync(ids, SessionStart, CancellationToken.None));
        Assert.Equal([cafe], await queries.FindPlacesWithSessionAtAsync(ids, SessionStart.AddHours(3).AddTicks(-10), CancellationToken.None));
        // half-open [start, end): over at its end, not yet begun a moment before its start
        Assert.Empty(await queries.FindPlacesWithSessionAtAsync(ids, SessionStart.AddHours(3), CancellationToken.None));
        Assert.Empty(await queries.FindPlacesWithSessionAtAsync(ids, SessionStart.AddTicks(-10), CancellationToken.None));
        Assert.Empty(await queries.FindPlacesWithSessionAtAsync([other, cancelled], SessionStart.AddHours(1), CancellationToken.None));
        Assert.Empty(await queries.FindPlacesWithSessionAtAsync([], SessionStart, CancellationToken.None));
    }

    [Fact]
    public async Task OpenAtFilter_keeps_places_open_by_hours_or_holding_a_session()
    {
        var byHours = await db.Data.PlaceAsync(4.70, 50.88, "reuse_centre");
        var bySession = await db.Data.PlaceAsync(4.71, 50.88);
        var closed = await db.Data.PlaceAsync(4.72, 50.88, "maker_space");
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE places SET opening_hours = 'Sa 10:00-18:00' WHERE id = @byHours", new { byHours });
            await connection.ExecuteAsync("UPDATE places SET opening_hours = 'Mo-Fr 09:00-17:00' WHERE id = @closed", new { closed });
        }
        await SessionAsync(bySession, SessionStart, SessionStart.AddHours(3), cancel: false);
        var places = await new PlaceQueries(db.DataSource).GetByIdsAsync([byHours, bySession, closed], CancellationToken.None);
        var filter = new OpenAtFilter(new PlaceSessionQueries(db.DataSource));

        var open = await filter.KeepOpenAsync(places, p => p, SessionStart.AddHours(1), CancellationToken.None);
        var morning = await filter.KeepOpenAsync(places, p => p, SessionStart.AddHours(-3), CancellationToken.None);

        Assert.Equal([byHours, bySession], open.Select(p => p.Id));
        Assert.Equal([byHours], morning.Select(p => p.Id));
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
