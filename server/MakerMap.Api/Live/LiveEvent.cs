namespace MakerMap.Api.Live;

/// <summary>One event for a subscriber: the resource or booking it watches changed in [Start, End).</summary>
/// <param name="ResourceId">The resource.</param>
/// <param name="BookingId">The booking, when a booking changed.</param>
/// <param name="Start">Start of the affected period.</param>
/// <param name="End">End of the affected period (exclusive).</param>
/// <param name="IsCatchUp">Merged from events that were dropped or may have been missed; carries current state, not one change.</param>
public sealed record LiveEvent(Guid ResourceId, Guid? BookingId, DateTimeOffset Start, DateTimeOffset End, bool IsCatchUp = false)
{
    /// <summary>One event spanning both.</summary>
    public LiveEvent MergeWith(LiveEvent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new LiveEvent(ResourceId, BookingId ?? other.BookingId,
            Start < other.Start ? Start : other.Start, End > other.End ? End : other.End, IsCatchUp: true);
    }
}
