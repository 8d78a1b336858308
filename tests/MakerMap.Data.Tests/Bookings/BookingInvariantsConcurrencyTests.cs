using System.Collections.Concurrent;
using MakerMap.Data.Bookings;
using MakerMap.Data.Resources;
using MakerMap.Data.Schedules;
using MakerMap.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace MakerMap.Data.Tests.Bookings;

/// <summary>
/// Property-style: many workers mix every write path on a few resources for a bounded time (slot and
/// start/end requests, approvals, cancellations, capacity changes, schedule and resource deletions),
/// then the invariants are checked in SQL written here, independently of the server's own rule:
/// no instant over capacity, no live booking outside bookable availability, no overlap on an
/// exclusive resource, and no booking a client was told about has disappeared.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class BookingInvariantsConcurrencyTests(TestDatabase db, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2030, 3, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(6);
    private const int Workers = 12;

    private readonly ManualTimeProvider _clock = new(Now);

    [Fact]
    public async Task Every_write_path_mixed_concurrently_keeps_the_booking_invariants()
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        await using var pool = db.CreateDataSource(maxPoolSize: Workers + 4);
        var schedules = new ScheduleCommands(pool, _clock);
        var resources = new ResourceCommands(pool, _clock);
        var bookings = new BookingCommands(pool, _clock);

        // shared with daily slots, exclusive with daily slots, shared without availability (free periods),
        // shared requiring approval with daily slots, and one that may be deleted
        var shared = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 3 });
        var exclusive = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = true, Capacity = 1 });
        var free = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 2 });
        var approval = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 2, RequiresApproval = true });
        var doomed = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 2 });
        Guid[] all = [shared, exclusive, free, approval, doomed];
        var doomedSchedule = Guid.Empty;
        foreach (var resource in (Guid[])[shared, exclusive, approval, doomed])
        {
            // 09:00-13:00 Brussels on each of the next days (first occurrence on Tuesday 5 March 2030)
            var created = await schedules.CreateAsync(new NewSchedule
            {
                Kind = "availability",
                ResourceId = resource,
                Title = "Mornings",
                StartsLocal = new DateTime(2030, 3, 5, 9, 0, 0),
                DurationMinutes = 240,
                RRule = "FREQ=DAILY;COUNT=4",
            }, CancellationToken.None);
            Assert.True(created.Succeeded, created.Error?.Message);
            doomedSchedule = created.Value;
        }
        var slots = await SlotsAsync(all);

        var told = new ConcurrentDictionary<Guid, byte>();
        var ended = new ConcurrentDictionary<Guid, byte>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var stop = DateTimeOffset.UtcNow + RunFor;
        var workers = Enumerable.Range(0, Workers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            while (DateTimeOffset.UtcNow < stop)
            {
                var outcome = await OneRandomOperationAsync(random);
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        }));
        await Task.WhenAll(workers);

        async Task<string> OneRandomOperationAsync(Random random)
        {
            var resource = all[random.Next(all.Length)];
            var day = new DateTimeOffset(2030, 3, 5 + random.Next(4), 8, 0, 0, TimeSpan.Zero); // 09:00 Brussels
            switch (random.Next(10))
            {
                case < 3 when slots.TryGetValue(resource, out var ofResource) && ofResource.Count > 0:
                    return Record(await bookings.RequestBookingAsync(new RequestBookingCommand
                    {
                        ResourceId = resource,
                        SlotId = ofResource[random.Next(ofResource.Count)],
                        Quantity = 1 + random.Next(2),
                    }, CancellationToken.None));
                case < 6:
                    // a period that is sometimes inside a slot, sometimes across its edge
                    var start = day.AddMinutes(30 * random.Next(-2, 8));
                    return Record(await bookings.RequestBookingAsync(new RequestBookingCommand
                    {
                        ResourceId = resource,
                        Start = start,
                        End = start.AddMinutes(30 * (1 + random.Next(4))),
                        Quantity = 1 + random.Next(2),
                    }, CancellationToken.None));
                case 6:
                    return await DecideOrCancelAsync(resource, random, decide: true);
                case 7:
                    return await DecideOrCancelAsync(resource, random, decide: false);
                case 8:
                    var resized = await resources.UpdateAsync(resource, new ResourceChanges { Capacity = new Change<int?>(1 + random.Next(4)) },
                        CancellationToken.None);
                    return "capacity:" + (resized.Error?.Code ?? "ok");
                default:
                    if (resource != doomed)
                    {
                        return "skip";
                    }
                    var deleted = random.Next(2) == 0
                        ? await resources.DeleteAsync(doomed, CancellationToken.None)
                        : await schedules.DeleteAsync(doomedSchedule, CancellationToken.None);
                    return "delete:" + (deleted.Error?.Code ?? "ok");
            }
        }

        string Record(BookingResult result)
        {
            if (result.Booking is { } booking)
            {
                told.TryAdd(booking.Id, 0);
                return "booked";
            }
            return "refused:" + result.Failure!.Code;
        }

        async Task<string> DecideOrCancelAsync(Guid resource, Random random, bool decide)
        {
            var id = await PickLiveBookingAsync(resource, random.Next(1000), decide ? "requested" : null);
            if (id is not { } bookingId)
            {
                return "nothing-to-decide";
            }
            var result = decide
                ? await bookings.DecideBookingAsync(bookingId, approve: random.Next(3) > 0, decidedBy: null, note: "decided under load", CancellationToken.None)
                : await bookings.CancelBookingAsync(bookingId, "changed plans", CancellationToken.None);
            if (result.Booking is { Status: not (BookingStatus.Requested or BookingStatus.Confirmed) })
            {
                ended.TryAdd(bookingId, 0);
            }
            return (decide ? "decide:" : "cancel:") + (result.Failure?.Code ?? "ok");
        }

        output.WriteLine(string.Join(Environment.NewLine, outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        // Enough of each path ran for the check to mean something.
        Assert.True(outcomes.GetValueOrDefault("booked") >= 10, string.Join(", ", outcomes));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("refused:", StringComparison.Ordinal));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("capacity:", StringComparison.Ordinal));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("cancel:", StringComparison.Ordinal));
        Assert.DoesNotContain(outcomes.Keys, k => k.EndsWith(":CONCURRENT_UPDATE", StringComparison.Ordinal));

        Assert.Equal(0, await InstantsOverCapacityAsync());
        Assert.Equal(0, await LiveBookingsOutsideAvailabilityAsync());
        Assert.Equal(0, await ExclusiveOverlapsAsync());
        // A booking may only be gone (with its deleted resource) after someone ended it.
        var present = await PresentAsync([.. told.Keys]);
        Assert.DoesNotContain(told.Keys, id => !present.Contains(id) && !ended.ContainsKey(id));
    }

    private async Task<Dictionary<Guid, List<Guid>>> SlotsAsync(Guid[] resources)
    {
        var slots = new Dictionary<Guid, List<Guid>>();
        await using var command = db.DataSource.CreateCommand("SELECT resource_id, id FROM slots WHERE resource_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", resources);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var resource = reader.GetGuid(0);
            if (!slots.TryGetValue(resource, out var list))
            {
                slots[resource] = list = [];
            }
            list.Add(reader.GetGuid(1));
        }
        return slots;
    }

    private async Task<HashSet<Guid>> PresentAsync(Guid[] ids)
    {
        var present = new HashSet<Guid>();
        await using var command = db.DataSource.CreateCommand("SELECT id FROM bookings WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            present.Add(reader.GetGuid(0));
        }
        return present;
    }

    private async Task<Guid?> PickLiveBookingAsync(Guid resource, int pick, string? status)
    {
        await using var command = db.DataSource.CreateCommand(
            """
            SELECT id FROM bookings
             WHERE resource_id = @resource AND status IN ('requested', 'confirmed') AND (@status::text IS NULL OR status = @status)
             ORDER BY id OFFSET @pick % greatest(1, (SELECT count(*) FROM bookings WHERE resource_id = @resource
                                                      AND status IN ('requested', 'confirmed'))) LIMIT 1
            """);
        command.Parameters.AddWithValue("resource", resource);
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)status ?? DBNull.Value });
        command.Parameters.AddWithValue("pick", pick);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    // At each live booking's start, the live units covering that instant against the capacity there: the
    // covering bookable slot's where the resource has availability schedules, else the resource's own.
    private Task<long> InstantsOverCapacityAsync() => db.Data.CountAsync(
        """
        WITH live AS (
            SELECT b.resource_id, b.period, b.quantity FROM bookings AS b WHERE b.status IN ('requested', 'confirmed')
        ), instant AS (
            SELECT DISTINCT l.resource_id, lower(l.period) AS at FROM live AS l
        )
        SELECT count(*)
          FROM instant AS i
          JOIN resources AS r ON r.id = i.resource_id
         WHERE (SELECT sum(l.quantity) FROM live AS l WHERE l.resource_id = i.resource_id AND l.period @> i.at)
               > CASE WHEN EXISTS (SELECT 1 FROM schedules AS s WHERE s.resource_id = r.id AND s.kind = 'availability')
                      THEN coalesce((SELECT max(s.capacity) FROM slots AS s
                                      WHERE s.resource_id = r.id AND NOT s.is_cancelled AND s.period @> i.at), 0)
                      ELSE r.capacity END
        """);

    // Every instant of a live booking of a resource with availability lies in one of its bookable slots.
    private Task<long> LiveBookingsOutsideAvailabilityAsync() => db.Data.CountAsync(
        """
        SELECT count(*)
          FROM bookings AS b
         WHERE b.status IN ('requested', 'confirmed')
           AND EXISTS (SELECT 1 FROM schedules AS s WHERE s.resource_id = b.resource_id AND s.kind = 'availability')
           AND NOT coalesce((SELECT range_agg(s.period) FROM slots AS s
                              WHERE s.resource_id = b.resource_id AND NOT s.is_cancelled) @> b.period, false)
        """);

    private Task<long> ExclusiveOverlapsAsync() => db.Data.CountAsync(
        """
        SELECT count(*)
          FROM bookings AS a JOIN bookings AS b ON a.resource_id = b.resource_id AND a.id < b.id
         WHERE a.is_exclusive AND a.period && b.period
           AND a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')
        """);
}
