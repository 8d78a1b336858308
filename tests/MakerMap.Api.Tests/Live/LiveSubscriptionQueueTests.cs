using MakerMap.Api.Live;
using MakerMap.Data.Live;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Live;

/// <summary>The per-subscriber queue: bounded, never blocking the publisher, and honest about what it dropped.</summary>
public sealed class LiveSubscriptionQueueTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static LiveChangeHub Hub(int buffer) =>
        new(Microsoft.Extensions.Options.Options.Create(new LiveOptions { SubscriberBuffer = buffer, ResyncWindowDays = 10 }),
            new ManualTimeProvider(Day));

    private static async Task<List<LiveEvent>> DrainAsync(LiveSubscription subscription, int count)
    {
        var events = new List<LiveEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var e in subscription.ReadAllAsync(timeout.Token))
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }
        return events;
    }

    private static async Task AssertEmptyAsync(LiveSubscription subscription)
    {
        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in subscription.ReadAllAsync(shortly.Token))
            {
                Assert.Fail("Unexpected event " + e);
            }
        });
    }

    [Fact]
    public async Task A_subscriber_that_does_not_read_keeps_its_buffer_and_gets_the_overflow_as_one_catch_up_event()
    {
        var hub = Hub(buffer: 4);
        var resource = Guid.NewGuid();
        using var slow = hub.SubscribeToResource(resource);

        for (var i = 0; i < 1000; i++)
        {
            hub.Publish(new LiveChange(resource, null, Day.AddHours(i), Day.AddHours(i + 1)));
        }

        var events = await DrainAsync(slow, 5);
        Assert.Equal([Day, Day.AddHours(1), Day.AddHours(2), Day.AddHours(3)], events.Take(4).Select(e => e.Start));
        Assert.All(events.Take(4), e => Assert.False(e.IsCatchUp));
        Assert.Equal(new LiveEvent(resource, null, Day.AddHours(4), Day.AddHours(1000), IsCatchUp: true), events[4]);
    }

    [Fact]
    public async Task Changes_reach_only_subscribers_of_their_resource_or_booking()
    {
        var hub = Hub(buffer: 8);
        var resource = Guid.NewGuid();
        var booking = Guid.NewGuid();
        using var ofResource = hub.SubscribeToResource(resource);
        using var ofOtherResource = hub.SubscribeToResource(Guid.NewGuid());
        using var ofBooking = hub.SubscribeToBooking(booking);

        hub.Publish(new LiveChange(resource, booking, Day, Day.AddHours(1)));
        hub.Publish(new LiveChange(resource, Guid.NewGuid(), Day.AddHours(2), Day.AddHours(3)));

        Assert.Equal([Day, Day.AddHours(2)], (await DrainAsync(ofResource, 2)).Select(e => e.Start));
        Assert.Equal([booking], (await DrainAsync(ofBooking, 1)).Select(e => e.BookingId));
        await AssertEmptyAsync(ofBooking);
        await AssertEmptyAsync(ofOtherResource);
    }

    [Fact]
    public async Task After_a_reconnect_every_subscriber_gets_a_catch_up_event_over_the_resync_window()
    {
        var hub = Hub(buffer: 8);
        var resource = Guid.NewGuid();
        using var subscription = hub.SubscribeToResource(resource);

        hub.OnLost();
        Assert.False(hub.IsListening);
        hub.OnListening(mayHaveMissedChanges: true);

        Assert.True(hub.IsListening);
        Assert.Equal(new LiveEvent(resource, null, Day, Day.AddDays(10), IsCatchUp: true), (await DrainAsync(subscription, 1)).Single());
    }

    [Fact]
    public void A_disposed_subscription_leaves_the_hub()
    {
        var hub = Hub(buffer: 8);
        var subscription = hub.SubscribeToResource(Guid.NewGuid());

        subscription.Dispose();

        Assert.Equal(0, hub.SubscriberCount);
    }
}
