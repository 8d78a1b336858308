using MakerMap.Data.Bookings;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Bookings;

[Trait("Category", "Db")]
public sealed class AvailabilityQueriesTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Day = new(2030, 3, 9, 0, 0, 0, TimeSpan.Zero);

    private readonly BookingCommands _commands = new(db.DataSource, new ManualTimeProvider(Day.AddDays(-5)));
    private readonly AvailabilityQueries _availability = new(db.DataSource);

    private async Task<Guid> ResourceAsync(ResourceSpec spec) => await db.Data.ResourceAsync(await db.Data.PlaceAsync(4.70, 50.88), spec);

    private async Task<Booking> BookAsync(RequestBookingCommand command)
    {
        var result = await _commands.RequestBookingAsync(command, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Booking!;
    }

    [Fact]
    public async Task GetAvailabilityAsync_lists_slots_in_window_with_remaining_capacity()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 10 });
        var morning = await db.Data.SlotAsync(resource, Day.AddHours(9), Day.AddHours(12), capacity: 4);
        var afternoon = await db.Data.SlotAsync(resource, Day.AddHours(13), Day.AddHours(17), capacity: 2);
        await db.Data.SlotAsync(resource, Day.AddDays(1).AddHours(9), Day.AddDays(1).AddHours(12), capacity: 4);
        await BookAsync(new RequestBookingCommand { ResourceId = resource, SlotId = morning, Quantity = 3 });
        var cancelled = await BookAsync(new RequestBookingCommand { ResourceId = resource, SlotId = afternoon, Quantity = 2 });
        await _commands.CancelBookingAsync(cancelled.Id, CancellationToken.None);
        await BookAsync(new RequestBookingCommand { ResourceId = resource, SlotId = afternoon, Quantity = 1 });

        var availability = await _availability.GetAvailabilityAsync(resource, Day, Day.AddDays(1), CancellationToken.None);

        Assert.NotNull(availability);
        Assert.Equal(
            [
                new SlotAvailability(morning, Day.AddHours(9), Day.AddHours(12), 4, 3, 1, false),
                new SlotAvailability(afternoon, Day.AddHours(13), Day.AddHours(17), 2, 1, 1, false),
            ],
            availability.Slots);
    }

    [Fact]
    public async Task GetAvailabilityAsync_exclusive_resource_without_slots_gives_free_and_taken_periods()
    {
        var resource = await ResourceAsync(new ResourceSpec());
        await BookAsync(new RequestBookingCommand { ResourceId = resource, Start = Day.AddHours(10), End = Day.AddHours(11) });
        await BookAsync(new RequestBookingCommand { ResourceId = resource, Start = Day.AddHours(13), End = Day.AddHours(14) });
        await BookAsync(new RequestBookingCommand { ResourceId = resource, Start = Day.AddHours(14), End = Day.AddHours(20) });

        var availability = await _availability.GetAvailabilityAsync(resource, Day.AddHours(9), Day.AddHours(17), CancellationToken.None);

        Assert.Empty(availability!.Slots);
        Assert.Equal(
            [
                new AvailabilityPeriod(Day.AddHours(9), Day.AddHours(10), 0, 1),
                new AvailabilityPeriod(Day.AddHours(10), Day.AddHours(11), 1, 0),
                new AvailabilityPeriod(Day.AddHours(11), Day.AddHours(13), 0, 1),
                new AvailabilityPeriod(Day.AddHours(13), Day.AddHours(17), 1, 0),
            ],
            availability.Periods);
    }

    [Fact]
    public async Task GetAvailabilityAsync_shared_resource_adds_up_overlapping_bookings()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 3, Kind = "tool" });
        await BookAsync(new RequestBookingCommand { ResourceId = resource, Start = Day.AddHours(9), End = Day.AddHours(12), Quantity = 2 });
        await BookAsync(new RequestBookingCommand { ResourceId = resource, Start = Day.AddHours(12), End = Day.AddHours(15), Quantity = 1 });

        var availability = await _availability.GetAvailabilityAsync(resource, Day.AddHours(8), Day.AddHours(16), CancellationToken.None);

        Assert.Equal(
            [
                new AvailabilityPeriod(Day.AddHours(8), Day.AddHours(9), 0, 3),
                new AvailabilityPeriod(Day.AddHours(9), Day.AddHours(12), 2, 1),
                new AvailabilityPeriod(Day.AddHours(12), Day.AddHours(15), 1, 2),
                new AvailabilityPeriod(Day.AddHours(15), Day.AddHours(16), 0, 3),
            ],
            availability!.Periods);
    }

    [Fact]
    public async Task GetAvailabilityAsync_unknown_resource_returns_null()
    {
        Assert.Null(await _availability.GetAvailabilityAsync(Guid.NewGuid(), Day, Day.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task GetAvailabilityAsync_with_empty_window_throws_typed_error()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(
            () => _availability.GetAvailabilityAsync(Guid.NewGuid(), Day, Day, CancellationToken.None));

        Assert.Equal("to", error.Field);
        Assert.Equal("to must be after from.", error.Message);
    }
}
