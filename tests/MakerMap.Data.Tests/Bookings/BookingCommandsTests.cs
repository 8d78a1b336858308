using MakerMap.Data.Bookings;
using MakerMap.TestSupport;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Tests.Bookings;

[Trait("Category", "Db")]
public sealed partial class BookingCommandsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Saturday = new(2030, 3, 9, 13, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Now);

    private BookingCommands Commands => new(db.DataSource, _clock);

    private async Task<Guid> ResourceAsync(ResourceSpec? spec = null)
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        return await db.Data.ResourceAsync(place, spec);
    }

    private Task<long> LiveBookingsAsync(Guid resourceId) => db.Data.CountAsync(
        "SELECT count(*) FROM bookings WHERE resource_id = @resourceId AND status IN ('requested', 'confirmed')", new { resourceId });

    [Fact]
    public async Task RequestBookingAsync_50_concurrent_requests_for_slot_of_capacity_3_book_exactly_3()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 20 });
        var slot = await db.Data.SlotAsync(resource, Saturday, Saturday.AddHours(3), capacity: 3);
        await using var pool = db.CreateDataSource(maxPoolSize: 60);
        var commands = new BookingCommands(pool, _clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, SlotId = slot, Purpose = $"request {i}" }, CancellationToken.None))));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(SlotFull, r.Failure!.Code));
        Assert.Equal(3, await LiveBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBookingAsync_concurrent_overlapping_requests_for_exclusive_resource_never_both_succeed()
    {
        var resource = await ResourceAsync();
        await using var pool = db.CreateDataSource(maxPoolSize: 40);
        var commands = new BookingCommands(pool, _clock);

        // 30 one-hour requests starting every 20 minutes: neighbours overlap, every third one touches.
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday.AddMinutes(20 * i), End = Saturday.AddMinutes(20 * i + 60) },
            CancellationToken.None))));

        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Overlap, r.Failure!.Code));
        var booked = results.Where(r => r.Succeeded).Select(r => r.Booking!).OrderBy(b => b.Start).ToList();
        Assert.All(booked.Zip(booked.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.Equal(0, await db.Data.CountAsync(
            """
            SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id AND a.id < b.id
             WHERE a.resource_id = @resource AND a.period && b.period
               AND a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')
            """, new { resource }));
    }

    [Fact]
    public async Task RequestBookingAsync_identical_concurrent_requests_for_exclusive_resource_book_once()
    {
        var resource = await ResourceAsync();
        await using var pool = db.CreateDataSource(maxPoolSize: 20);
        var commands = new BookingCommands(pool, _clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(2) }, CancellationToken.None))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Overlap, r.Failure!.Code));
        Assert.Equal(1, await LiveBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBookingAsync_repeated_idempotency_key_returns_the_first_booking()
    {
        var resource = await ResourceAsync();
        var command = new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1), IdempotencyKey = "retry-1" };

        var first = await Commands.RequestBookingAsync(command, CancellationToken.None);
        var second = await Commands.RequestBookingAsync(command, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.False(first.WasReplay);
        Assert.True(second.WasReplay);
        Assert.Equal(first.Booking, second.Booking);
        Assert.Equal(1, await LiveBookingsAsync(resource));
    }

    [Fact]
    [Trait("Issue", "12")]
    public async Task RequestBookingAsync_reused_idempotency_key_with_a_different_request_is_a_conflict()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 5 });
        var command = new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1), IdempotencyKey = "retry-2" };
        Assert.True((await Commands.RequestBookingAsync(command, CancellationToken.None)).Succeeded);

        var moreUnits = await Commands.RequestBookingAsync(command with { Quantity = 2 }, CancellationToken.None);
        var otherPurpose = await Commands.RequestBookingAsync(command with { Purpose = "changed on retry" }, CancellationToken.None);

        Assert.Equal(IdempotencyConflict, moreUnits.Failure?.Code);
        Assert.Equal(IdempotencyConflict, otherPurpose.Failure?.Code);
        Assert.Equal(1, await LiveBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBookingAsync_concurrent_retries_with_one_key_make_one_booking()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 5 });
        var slot = await db.Data.SlotAsync(resource, Saturday, Saturday.AddHours(3), capacity: 5);
        await using var pool = db.CreateDataSource(maxPoolSize: 20);
        var commands = new BookingCommands(pool, _clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, SlotId = slot, IdempotencyKey = "same-click" }, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure?.Message));
        Assert.Single(results.Select(r => r.Booking!.Id).Distinct());
        Assert.Single(results, r => !r.WasReplay);
        Assert.Equal(1, await LiveBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBookingAsync_resource_requiring_approval_creates_expiring_request()
    {
        var resource = await ResourceAsync(new ResourceSpec { RequiresApproval = true, ApprovalTimeout = TimeSpan.FromHours(48) });

        var result = await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) }, CancellationToken.None);

        Assert.Equal(BookingStatus.Requested, result.Booking!.Status);
        Assert.Equal(Now.AddHours(48), result.Booking.ExpiresAt);
    }

    [Fact]
    public async Task RequestBookingAsync_resource_without_approval_is_confirmed_at_once()
    {
        var resource = await ResourceAsync();

        var result = await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1), Quantity = 1 }, CancellationToken.None);

        Assert.Equal(BookingStatus.Confirmed, result.Booking!.Status);
        Assert.Null(result.Booking.ExpiresAt);
        Assert.Equal(Saturday, result.Booking.Start);
        Assert.Equal(Saturday.AddHours(1), result.Booking.End);
    }

    [Fact]
    public async Task RequestBookingAsync_adjacent_half_open_periods_both_succeed()
    {
        var resource = await ResourceAsync();

        var morning = await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) }, CancellationToken.None);
        var next = await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday.AddHours(1), End = Saturday.AddHours(2) }, CancellationToken.None);
        var overlapping = await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday.AddMinutes(90), End = Saturday.AddHours(3) }, CancellationToken.None);

        Assert.True(morning.Succeeded);
        Assert.True(next.Succeeded);
        Assert.Equal(Overlap, overlapping.Failure!.Code);
    }

    [Fact]
    public async Task RequestBookingAsync_mobile_resource_with_deployment_location_stores_the_point()
    {
        var resource = await ResourceAsync(new ResourceSpec { Kind = "mobile_give_box", IsMobile = true, Requirements = ["van"] });

        var result = await Commands.RequestBookingAsync(new RequestBookingCommand
        {
            ResourceId = resource,
            Start = Saturday,
            End = Saturday.AddDays(2),
            ConfirmedRequirements = ["van"],
            DeploymentLongitude = 3.7031,
            DeploymentLatitude = 51.0674,
            DeploymentAddress = "Jozef II-straat, Gent",
        }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3.7031, result.Booking!.DeploymentLocation!.X, 9);
        Assert.Equal(51.0674, result.Booking.DeploymentLocation.Y, 9);
        Assert.Equal(["van"], result.Booking.ConfirmedRequirements);
    }
}
