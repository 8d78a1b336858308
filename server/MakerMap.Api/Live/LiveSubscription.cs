using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MakerMap.Api.Live;

/// <summary>
/// One subscriber's events: a bounded queue filled by <see cref="LiveChangeHub"/> without ever waiting. When the
/// queue is full the overflow is merged into a single catch-up event delivered after the queue drains, so nothing
/// is lost silently and memory stays bounded however slowly the client reads.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    // Wakes a reader that drained the queue just before an overflow was recorded.
    private static readonly LiveEvent WakeUp = new(Guid.Empty, null, default, default);

    private readonly LiveChangeHub _hub;
    private readonly Channel<LiveEvent> _events;
    private readonly Lock _overflowLock = new();
    private LiveEvent? _overflow;
    private readonly bool _allBookings;
    private int _disposed;

    internal LiveSubscription(LiveChangeHub hub, Guid? resourceId, Guid? bookingId, int capacity, bool allBookings = false)
    {
        _hub = hub;
        _allBookings = allBookings;
        ResourceId = resourceId;
        BookingId = bookingId;
        _events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The resource watched, for availability subscriptions.</summary>
    public Guid? ResourceId { get; }

    /// <summary>The booking watched, for booking subscriptions.</summary>
    public Guid? BookingId { get; }

    /// <summary>Set when the subscriber may no longer see what it watches; the stream then ends.</summary>
    public bool IsRevoked { get; private set; }

    /// <summary>Ends the stream after the event being delivered.</summary>
    public void Revoke() => IsRevoked = true;

    internal bool Matches(Guid resourceId, Guid? bookingId) =>
        _allBookings ? bookingId is not null : BookingId is { } booking ? bookingId == booking : ResourceId == resourceId;

    /// <summary>Queues an event, or merges it into the overflow when the queue is full; never waits.</summary>
    internal void Offer(LiveEvent change)
    {
        if (_events.Writer.TryWrite(change))
        {
            return;
        }
        lock (_overflowLock)
        {
            _overflow = _overflow is null ? change with { IsCatchUp = true } : _overflow.MergeWith(change);
        }
        _events.Writer.TryWrite(WakeUp);
    }

    /// <summary>The events in order, each overflow as one catch-up event after what was queued before it.</summary>
    public async IAsyncEnumerable<LiveEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!IsRevoked && await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (!IsRevoked && _events.Reader.TryRead(out var change))
            {
                if (!ReferenceEquals(change, WakeUp))
                {
                    yield return change;
                }
            }
            LiveEvent? overflow;
            lock (_overflowLock)
            {
                overflow = _overflow;
                _overflow = null;
            }
            if (overflow is not null && !IsRevoked)
            {
                yield return overflow;
            }
        }
    }

    /// <summary>Stops receiving events.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _hub.Remove(this);
            _events.Writer.TryComplete();
        }
    }
}
