using Dapper;
using MakerMap.Data.Schedules;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Schedules;

[Trait("Category", "Db")]
public sealed class SlotMaterialiserTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset From = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(56);

    private async Task<Guid> ScheduleAsync(string kind, Guid? resourceId, Guid? placeId, string? rrule, DateTime startsLocal,
        string duration = "3 hours", int? capacity = null, DateOnly[]? excluded = null)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO schedules (kind, resource_id, place_id, title, starts_local, duration, rrule, excluded_dates, capacity, source_code)
            VALUES (@kind, @resourceId, @placeId, 'Repair café', @startsLocal, @duration::interval, @rrule, @excluded, @capacity, 'test')
            RETURNING id
            """,
            new { kind, resourceId, placeId, startsLocal, duration, rrule, excluded = excluded ?? [], capacity });
    }

    [Fact]
    public async Task MaterialiseAsync_twice_inserts_each_occurrence_once()
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Capacity = 4, Exclusive = false });
        var session = await ScheduleAsync("session", null, place, "FREQ=MONTHLY;BYDAY=2SA", new DateTime(2026, 12, 12, 14, 0, 0));
        var availability = await ScheduleAsync("availability", resource, null, "FREQ=WEEKLY;BYDAY=TU,TH", new DateTime(2026, 12, 1, 13, 30, 0));
        var materialiser = new SlotMaterialiser(db.DataSource);

        var first = await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        var afterFirst = await db.Data.CountAsync("SELECT count(*) FROM slots");
        var second = await materialiser.MaterialiseAsync(From, To, CancellationToken.None);

        Assert.True(first.Inserted >= 18);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(afterFirst, await db.Data.CountAsync("SELECT count(*) FROM slots"));
        Assert.Equal(first.Occurrences, second.Occurrences);
        Assert.Equal(2, await db.Data.CountAsync("SELECT count(*) FROM slots WHERE schedule_id = @session AND place_id IS NOT NULL AND resource_id IS NULL", new { session }));
        Assert.Equal(16, await db.Data.CountAsync("SELECT count(*) FROM slots WHERE schedule_id = @availability AND resource_id = @resource AND capacity = 4", new { availability, resource }));
    }

    [Fact]
    public async Task MaterialiseAsync_stores_the_local_14_00_as_utc_and_takes_the_schedule_capacity()
    {
        var place = await db.Data.PlaceAsync(4.70, 50.88);
        var schedule = await ScheduleAsync("session", null, place, "FREQ=WEEKLY;BYDAY=SA;COUNT=1", new DateTime(2026, 12, 5, 14, 0, 0), capacity: 12);

        await new SlotMaterialiser(db.DataSource).MaterialiseAsync(From, To, CancellationToken.None);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(DateTime Start, DateTime End, int Capacity)>(
            "SELECT lower(period), upper(period), capacity FROM slots WHERE schedule_id = @schedule", new { schedule });
        Assert.Equal(new DateTime(2026, 12, 5, 13, 0, 0, DateTimeKind.Utc), row.Start.ToUniversalTime());
        Assert.Equal(new DateTime(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc), row.End.ToUniversalTime());
        Assert.Equal(12, row.Capacity);
    }

    [Fact]
    public async Task MaterialiseAsync_collects_a_bad_rrule_as_an_error_and_still_materialises_the_rest()
    {
        var place = await db.Data.PlaceAsync(3.20, 51.20);
        var bad = await ScheduleAsync("session", null, place, "FREQ=HOURLY", new DateTime(2026, 12, 5, 14, 0, 0));
        var good = await ScheduleAsync("session", null, place, null, new DateTime(2026, 12, 19, 14, 0, 0));

        var report = await new SlotMaterialiser(db.DataSource).MaterialiseAsync(From, To, CancellationToken.None);

        var error = Assert.Single(report.Errors, e => e.ScheduleId == bad);
        Assert.Equal("INVALID_RRULE", error.Code);
        Assert.Equal(1, await db.Data.CountAsync("SELECT count(*) FROM slots WHERE schedule_id = @good", new { good }));
    }

    [Fact]
    public async Task UpcomingSessions_lists_the_next_sessions_from_now_without_cancelled_ones()
    {
        var place = await db.Data.PlaceAsync(3.73, 51.06);
        await ScheduleAsync("session", null, place, "FREQ=WEEKLY;BYDAY=TU", new DateTime(2026, 12, 1, 13, 30, 0), excluded: [new DateOnly(2026, 12, 15)]);
        await new SlotMaterialiser(db.DataSource).MaterialiseAsync(From, To, CancellationToken.None);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 13, 0, 0, TimeSpan.Zero)); // during the 8 Dec session

        var sessions = await new UpcomingSessionsQuery(db.DataSource, clock).ListAsync(place, 3, CancellationToken.None);

        Assert.Equal(
            [new DateTimeOffset(2026, 12, 8, 12, 30, 0, TimeSpan.Zero), new(2026, 12, 22, 12, 30, 0, TimeSpan.Zero), new(2026, 12, 29, 12, 30, 0, TimeSpan.Zero)],
            sessions.Select(s => s.Start));
        Assert.All(sessions, s => Assert.Equal("Repair café", s.Title));
    }

    [Fact]
    public async Task MaterialiseAsync_after_a_rule_change_deletes_unbooked_stale_slots_and_cancels_booked_ones()
    {
        var place = await db.Data.PlaceAsync(3.74, 51.06);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Capacity = 2, Exclusive = false });
        var schedule = await ScheduleAsync("availability", resource, null, "FREQ=DAILY;COUNT=5", new DateTime(2026, 12, 2, 9, 0, 0));
        var materialiser = new SlotMaterialiser(db.DataSource);
        await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        // a booking of the 4th occurrence (5 December), which the new rule no longer produces
        await connection.ExecuteAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, status, is_exclusive)
            SELECT resource_id, id, period, 'confirmed', false FROM slots
             WHERE schedule_id = @schedule AND lower(period) = '2026-12-05 08:00:00+00'
            """, new { schedule });
        await connection.ExecuteAsync("UPDATE schedules SET rrule = 'FREQ=DAILY;COUNT=2' WHERE id = @schedule", new { schedule });

        var report = await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        var slots = (await connection.QueryAsync<(DateTime Start, bool Cancelled)>(
            "SELECT lower(period), is_cancelled FROM slots WHERE schedule_id = @schedule ORDER BY lower(period)", new { schedule })).ToList();

        Assert.Equal(3, report.Removed);
        Assert.Equal(0, report.Inserted);
        Assert.Equal(
            [(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), false), (new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), false),
             (new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc), true)],
            slots.Select(s => (s.Start.ToUniversalTime(), s.Cancelled)));
        Assert.Equal(0, (await materialiser.MaterialiseAsync(From, To, CancellationToken.None)).Removed);
    }

    [Fact]
    public async Task MaterialiseAsync_gives_a_moved_occurrence_its_slot_beside_the_cancelled_booked_one_and_counts_that_booking_against_it()
    {
        var place = await db.Data.PlaceAsync(3.75, 51.07);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Capacity = 2, Exclusive = false });
        var schedule = await ScheduleAsync("availability", resource, null, "FREQ=DAILY;COUNT=2", new DateTime(2026, 12, 2, 9, 0, 0));
        var materialiser = new SlotMaterialiser(db.DataSource);
        await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        // one of the two units of 2 December, 09:00-12:00 local, is booked; then the schedule moves an hour later
        await connection.ExecuteAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, quantity, status, is_exclusive)
            SELECT resource_id, id, period, 1, 'confirmed', false FROM slots
             WHERE schedule_id = @schedule AND lower(period) = '2026-12-02 08:00:00+00'
            """, new { schedule });
        await connection.ExecuteAsync("UPDATE schedules SET starts_local = '2026-12-02 10:00' WHERE id = @schedule", new { schedule });

        await materialiser.MaterialiseAsync(From, To, CancellationToken.None);

        var slots = (await connection.QueryAsync<(Guid Id, DateTime Start, bool Cancelled)>(
            "SELECT id, lower(period), is_cancelled FROM slots WHERE schedule_id = @schedule ORDER BY lower(period)", new { schedule })).ToList();
        Assert.Equal(
            [(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), true), (new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), false),
             (new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), false)],
            slots.Select(s => (s.Start.ToUniversalTime(), s.Cancelled)));

        // the booking kept on the cancelled slot still holds one of the resource's two units from 10:00 to 12:00
        var availability = await new MakerMap.Data.Bookings.AvailabilityQueries(db.DataSource)
            .GetAvailabilityAsync(resource, From, To, CancellationToken.None);
        Assert.NotNull(availability);
        Assert.Equal([0, 1, 2], availability.Slots.Select(s => s.Remaining));
        var graphSlots = await new MakerMap.Data.Graph.GraphRowQueries(db.DataSource)
            .SlotsAsync(slots.Select(s => s.Id).ToList(), () => new Dictionary<string, object?>(), CancellationToken.None);
        Assert.Equal([0, 1, 2], slots.Select(s => (int)graphSlots.Single(row => (Guid)row["uuid"]! == s.Id)["remaining"]!));
        var moved = slots[1].Id;
        var tooMany = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, quantity, status, is_exclusive)
            SELECT resource_id, id, period, 2, 'requested', false FROM slots WHERE id = @moved
            """, new { moved }));
        Assert.Equal("makermap:capacity_exceeded", tooMany.Hint);
        Assert.Equal(1, await connection.ExecuteAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, quantity, status, is_exclusive)
            SELECT resource_id, id, period, 1, 'requested', false FROM slots WHERE id = @moved
            """, new { moved }));
    }

    [Fact]
    public async Task MaterialiseAsync_makes_a_cancelled_slot_bookable_again_when_its_schedule_produces_it_again()
    {
        var place = await db.Data.PlaceAsync(3.76, 51.08);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Capacity = 3, Exclusive = false });
        var schedule = await ScheduleAsync("availability", resource, null, "FREQ=DAILY;COUNT=1", new DateTime(2026, 12, 4, 9, 0, 0));
        var materialiser = new SlotMaterialiser(db.DataSource);
        await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var original = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM slots WHERE schedule_id = @schedule", new { schedule });
        await connection.ExecuteAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, quantity, status, is_exclusive)
            SELECT resource_id, id, period, 1, 'confirmed', false FROM slots WHERE id = @original
            """, new { original });

        // moved an hour later (the booked slot is cancelled, the new one is not booked) and back again
        await connection.ExecuteAsync("UPDATE schedules SET starts_local = '2026-12-04 10:00' WHERE id = @schedule", new { schedule });
        await materialiser.MaterialiseAsync(From, To, CancellationToken.None);
        await connection.ExecuteAsync("UPDATE schedules SET starts_local = '2026-12-04 09:00' WHERE id = @schedule", new { schedule });
        var report = await materialiser.MaterialiseAsync(From, To, CancellationToken.None);

        var slots = (await connection.QueryAsync<(Guid Id, bool Cancelled)>(
            "SELECT id, is_cancelled FROM slots WHERE schedule_id = @schedule", new { schedule })).ToList();
        Assert.Equal([(original, false)], slots);
        Assert.Equal(1, report.Reinstated);
        var availability = await new MakerMap.Data.Bookings.AvailabilityQueries(db.DataSource)
            .GetAvailabilityAsync(resource, From, To, CancellationToken.None);
        Assert.Equal(2, Assert.Single(availability!.Slots).Remaining);
    }
}
