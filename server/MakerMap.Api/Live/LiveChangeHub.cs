using System.Collections.Concurrent;
using MakerMap.Data.Live;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Live;

/// <summary>
/// This instance's subscribers to live changes. <see cref="LiveListenerService"/> publishes what the database
/// announces; each matching subscriber gets the event in its own bounded queue (<see cref="LiveSubscription"/>).
/// </summary>
public sealed class LiveChangeHub(IOptions<LiveOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<LiveSubscription, byte> _subscriptions = new();
    private volatile bool _isListening;

    /// <summary>How many subscriptions are open on this instance.</summary>
    public int SubscriberCount => _subscriptions.Count;

    /// <summary>Whether the listener's LISTEN is in place right now.</summary>
    public bool IsListening => _isListening;

    /// <summary>Subscribes to changes in the availability of a resource.</summary>
    public LiveSubscription SubscribeToResource(Guid resourceId) => Add(new LiveSubscription(this, resourceId, null, Capacity));

    /// <summary>Subscribes to changes of one booking.</summary>
    public LiveSubscription SubscribeToBooking(Guid bookingId) => Add(new LiveSubscription(this, null, bookingId, Capacity));

    /// <summary>
    /// Subscribes to changes of every booking (not slots); the subscriber filters what it may hear, as the
    /// approval queue's subscription does per event with the account's memberships of that moment.
    /// </summary>
    public LiveSubscription SubscribeToAllBookings() => Add(new LiveSubscription(this, null, null, Capacity, allBookings: true));

    /// <summary>Hands a change to every subscriber watching its resource or booking.</summary>
    public void Publish(LiveChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var live = new LiveEvent(change.ResourceId, change.BookingId, change.Start, change.End);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.Matches(change.ResourceId, change.BookingId))
            {
                subscription.Offer(live);
            }
        }
    }

    /// <summary>
    /// Called when LISTEN is (again) in place; after a gap every subscriber gets a catch-up event with the
    /// current state, because changes made while the connection was down were never announced to us.
    /// </summary>
    public void OnListening(bool mayHaveMissedChanges)
    {
        _isListening = true;
        if (!mayHaveMissedChanges)
        {
            return;
        }
        var now = time.GetUtcNow();
        var end = now.AddDays(options.Value.ResyncWindowDays);
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Offer(new LiveEvent(subscription.ResourceId ?? Guid.Empty, subscription.BookingId, now, end, IsCatchUp: true));
        }
    }

    /// <summary>Called when the listener lost its connection.</summary>
    public void OnLost() => _isListening = false;

    internal void Remove(LiveSubscription subscription) => _subscriptions.TryRemove(subscription, out _);

    private int Capacity => Math.Max(1, options.Value.SubscriberBuffer);

    private LiveSubscription Add(LiveSubscription subscription)
    {
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }
}
