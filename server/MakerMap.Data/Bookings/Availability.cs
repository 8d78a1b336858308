namespace MakerMap.Data.Bookings;

/// <summary>What a resource has free in [<see cref="From"/>, <see cref="To"/>).</summary>
/// <param name="ResourceId">The resource.</param>
/// <param name="BookingMode"><c>exclusive</c> or <c>shared</c>.</param>
/// <param name="Capacity">Units the resource has.</param>
/// <param name="From">Inclusive start of the window.</param>
/// <param name="To">Exclusive end of the window.</param>
/// <param name="Slots">Slots overlapping the window, in time order, with what is left of each.</param>
/// <param name="Periods">
/// For bookings outside slots: the window cut into consecutive periods with the units booked and
/// remaining in each (a period with nothing remaining is taken). Covers the whole window.
/// </param>
public sealed record ResourceAvailability(
    Guid ResourceId,
    string BookingMode,
    int Capacity,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<SlotAvailability> Slots,
    IReadOnlyList<AvailabilityPeriod> Periods);

/// <summary>A slot and what is left of it.</summary>
/// <param name="SlotId">The slot.</param>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
/// <param name="Capacity">Units the slot offers.</param>
/// <param name="Booked">Units held by requested and confirmed bookings.</param>
/// <param name="Remaining">Units still bookable (0 when cancelled).</param>
/// <param name="IsCancelled">The occurrence is cancelled.</param>
public sealed record SlotAvailability(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Booked, int Remaining, bool IsCancelled);

/// <summary>A stretch of time with constant usage.</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
/// <param name="Booked">Units held by live bookings outside slots.</param>
/// <param name="Remaining">Units still bookable.</param>
public sealed record AvailabilityPeriod(DateTimeOffset Start, DateTimeOffset End, int Booked, int Remaining)
{
    /// <summary>Whether anything can still be booked in this period.</summary>
    public bool IsFree => Remaining > 0;
}
