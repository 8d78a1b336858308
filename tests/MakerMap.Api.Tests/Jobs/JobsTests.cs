using Dapper;
using MakerMap.Api.Jobs;
using MakerMap.Data.Coverage;
using MakerMap.Data.Outbox;
using MakerMap.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MakerMap.Api.Tests.Jobs;

[Trait("Category", "Db")]
public sealed class JobsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2030, 3, 4, 9, 0, 0, TimeSpan.Zero));

    private static readonly Microsoft.Extensions.Options.IOptions<JobsOptions> Options =
        Microsoft.Extensions.Options.Options.Create(new JobsOptions());

    private async Task<Guid> BookingAsync(Guid resourceId, DateTimeOffset start, DateTimeOffset end, string status,
        DateTimeOffset? expiresAt, Guid? organisationId = null)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, expires_at, organisation_id)
            VALUES (@resource, tstzrange(@start, @end, '[)'), @status, true, @expires, @organisation)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("resource", resourceId);
        command.Parameters.AddWithValue("start", start.UtcDateTime);
        command.Parameters.AddWithValue("end", end.UtcDateTime);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("expires", (object?)expiresAt?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("organisation", (object?)organisationId ?? DBNull.Value);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> StatusAsync(Guid bookingId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM bookings WHERE id = @bookingId", new { bookingId }) ?? "";
    }

    [Fact]
    public async Task ExpireUndecidedBookings_expires_only_overdue_requests_and_releases_their_capacity()
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place);
        var start = _clock.GetUtcNow().AddDays(3);
        var request = await BookingAsync(resource, start, start.AddHours(2), "requested", _clock.GetUtcNow().AddHours(1));
        var job = new ExpireUndecidedBookingsJob(db.DataSource, _clock, NullLogger<ExpireUndecidedBookingsJob>.Instance);

        await job.RunAsync(CancellationToken.None);
        var stillRequested = await StatusAsync(request);
        var overlap = await Assert.ThrowsAsync<PostgresException>(() => BookingAsync(resource, start, start.AddHours(1), "requested", null));
        _clock.Advance(TimeSpan.FromHours(1));
        await job.RunAsync(CancellationToken.None);
        var secondRun = await job.RunAsync(CancellationToken.None);

        Assert.Equal("requested", stillRequested);
        Assert.Contains("capacity exceeded", overlap.MessageText, StringComparison.Ordinal); // the capacity guard refuses it
        Assert.Equal("expired", await StatusAsync(request));
        Assert.Equal(0, secondRun);
        // the period is free again: a new request for it is accepted
        var again = await BookingAsync(resource, start, start.AddHours(1), "requested", null);
        Assert.Equal("requested", await StatusAsync(again));
    }

    [Fact]
    public async Task BookingReminders_are_written_once_24_hours_ahead_and_dispatched_once()
    {
        var organisation = await db.Data.OrganisationAsync();
        var place = await db.Data.PlaceAsync(4.70, 50.88);
        var resource = await db.Data.ResourceAsync(place);
        var soon = await BookingAsync(resource, _clock.GetUtcNow().AddHours(20), _clock.GetUtcNow().AddHours(22), "confirmed", null, organisation);
        var later = await BookingAsync(resource, _clock.GetUtcNow().AddHours(30), _clock.GetUtcNow().AddHours(32), "confirmed", null, organisation);
        var outbox = new OutboxStore(db.DataSource, _clock);
        var reminders = new BookingRemindersJob(outbox, Options, NullLogger<BookingRemindersJob>.Instance);
        var sender = new RecordingSender();
        var dispatch = new OutboxDispatchJob(outbox, sender);

        var first = await reminders.RunAsync(CancellationToken.None);
        var second = await reminders.RunAsync(CancellationToken.None);
        var sent = await dispatch.RunAsync(CancellationToken.None);
        var sentAgain = await dispatch.RunAsync(CancellationToken.None);

        Assert.Equal(1, first.Bookings);
        Assert.Equal(0, second.Bookings);
        Assert.Equal(1, await db.Data.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject_id = @soon", new { soon }));
        Assert.Equal(0, await db.Data.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject_id = @later", new { later }));
        Assert.Equal(1, sent);
        Assert.Equal(0, sentAgain);
        Assert.Equal(soon, Assert.Single(sender.Sent).SubjectId);
        Assert.Equal(0, await db.Data.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task MaterialiseSlots_covers_the_coming_8_weeks_and_a_second_run_adds_nothing()
    {
        var place = await db.Data.PlaceAsync(3.22, 51.21);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO schedules (kind, place_id, title, starts_local, duration, rrule, source_code)
                VALUES ('session', @place, 'Repair café', '2030-01-05 14:00', '3 hours', 'FREQ=WEEKLY;BYDAY=SA', 'test')
                """, new { place });
        }
        var job = new MaterialiseSlotsJob(db.DataSource, _clock, Options, NullLogger<MaterialiseSlotsJob>.Instance);

        await job.RunAsync(CancellationToken.None);
        var count = await db.Data.CountAsync("SELECT count(*) FROM slots WHERE place_id = @place", new { place });
        var second = await job.RunAsync(CancellationToken.None);

        Assert.Equal(8, count); // Saturdays from 9 March to 27 April 2030
        Assert.Equal(0, second.Inserted);
        Assert.Equal(count, await db.Data.CountAsync("SELECT count(*) FROM slots WHERE place_id = @place", new { place }));
    }

    [Fact]
    public async Task RefreshCoverageSnapshots_counts_residents_within_500_and_1000_metres()
    {
        // two sectors of one municipality, 1000 and 50 residents; a place stands inside the first
        await db.Data.AreaAsync("sector", "S1", "Near", "POLYGON((3.700 51.050, 3.702 51.050, 3.702 51.052, 3.700 51.052, 3.700 51.050))", 1000, "99999");
        await db.Data.AreaAsync("sector", "S2", "Far", "POLYGON((3.800 51.050, 3.802 51.050, 3.802 51.052, 3.800 51.052, 3.800 51.050))", 50, "99999");
        await db.Data.PlaceAsync(3.701, 51.051);
        var job = new RefreshCoverageSnapshotsJob(new CoverageSnapshotRefresher(db.DataSource, _clock), NullLogger<RefreshCoverageSnapshotsJob>.Instance);

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(int Distance, long Population, long Covered)>(
            "SELECT distance_m, population, covered_population FROM coverage_snapshots WHERE municipality_nis = '99999' AND level = 'sector' ORDER BY distance_m")).ToList();
        Assert.Equal([(500, 1050L, 1000L), (1000, 1050L, 1000L)], rows);
    }

    private sealed class RecordingSender : IMessageSender
    {
        public List<OutboxMessage> Sent { get; } = [];

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
