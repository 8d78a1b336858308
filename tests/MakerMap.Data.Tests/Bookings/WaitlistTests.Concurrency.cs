using MakerMap.Data.Bookings;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Bookings;

public sealed partial class WaitlistTests
{
    private const int Capacity = 3;
    private const int Waiting = 12;
    private const int Newcomers = 20;

    /// <summary>
    /// Three rounds of: every holder cancels while twenty newcomers ask for the same period at the same
    /// moment. Each round the three oldest waiting requests, and only they, must hold the units: a freed
    /// unit goes to the waitlist in the cancelling transaction, so no newcomer ever sees it free.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_cancellations_and_requests_promote_first_come_first_served_and_keep_capacity(bool withSlot)
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = Capacity });
        var slot = withSlot ? await db.Data.SlotAsync(resource, Start, Start.AddHours(3), capacity: Capacity) : (Guid?)null;
        await using var pool = db.CreateDataSource(maxPoolSize: Newcomers + Capacity + 4);
        var commands = new BookingCommands(pool, _clock);
        RequestBookingCommand Ask() => slot is { } s
            ? new RequestBookingCommand { ResourceId = resource, SlotId = s, JoinWaitlistIfFull = true }
            : Request(resource);

        var holders = new List<Guid>();
        for (var i = 0; i < Capacity; i++)
        {
            holders.Add((await commands.RequestBookingAsync(Ask(), CancellationToken.None)).Booking!.Id);
        }
        var queue = new List<Guid>();
        for (var i = 0; i < Waiting; i++)
        {
            var waiting = (await commands.RequestBookingAsync(Ask(), CancellationToken.None)).Booking!;
            Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
            queue.Add(waiting.Id);
        }

        for (var round = 0; round < 3; round++)
        {
            var cancellations = holders.Select(id => Task.Run(() => commands.CancelBookingAsync(id, "round " + round, CancellationToken.None)));
            var requests = Enumerable.Range(0, Newcomers).Select(_ => Task.Run(() => commands.RequestBookingAsync(Ask(), CancellationToken.None)));
            var cancelled = await Task.WhenAll(cancellations);
            var asked = await Task.WhenAll(requests);

            Assert.All(cancelled, c => Assert.Equal(BookingStatus.Cancelled, c.Booking?.Status));
            Assert.All(asked, a => Assert.Equal(BookingStatus.Waitlisted, a.Booking?.Status));
            queue.AddRange(asked.Select(a => a.Booking!.Id));
            var live = await LiveAsync(resource);
            Assert.Equal(queue.Take(Capacity).Order(), live.Order());
            holders = [.. queue.Take(Capacity)];
            queue.RemoveRange(0, Capacity);
        }
        Assert.Equal(0, await db.Data.CountAsync(
            """
            SELECT count(*) FROM bookings AS b
             WHERE b.resource_id = @resource AND b.status IN ('requested', 'confirmed')
               AND (SELECT sum(o.quantity) FROM bookings AS o WHERE o.resource_id = b.resource_id
                       AND o.status IN ('requested', 'confirmed') AND o.period @> lower(b.period)) > @capacity
            """, new { resource, capacity = Capacity }));
    }

    private async Task<List<Guid>> LiveAsync(Guid resource)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT id FROM bookings WHERE resource_id = @resource AND status IN ('requested', 'confirmed')");
        command.Parameters.AddWithValue("resource", resource);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
