using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Bookings;

/// <summary>Read side of bookings: what a resource has free between two instants.</summary>
public sealed class AvailabilityQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Longest window one call may ask for.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>
    /// Slots of the resource overlapping [<paramref name="from"/>, <paramref name="to"/>) with their
    /// remaining capacity, and the window's free and taken periods for bookings outside slots.
    /// Null when the resource does not exist.
    /// </summary>
    /// <exception cref="DataValidationException"><paramref name="to"/> is not after <paramref name="from"/>, or the window exceeds <see cref="MaxWindow"/>.</exception>
    public async Task<ResourceAvailability?> GetAvailabilityAsync(Guid resourceId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            Guard.Throw("to", "to must be after from.");
        }
        if (to - from > MaxWindow)
        {
            Guard.Throw("to", $"The window may span at most {MaxWindow.TotalDays} days.");
        }
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(BookingSql.GetResourceAvailability, resourceId, from, to));
        batch.BatchCommands.Add(Command(BookingSql.ListSlotsInPeriod, resourceId, from, to));
        batch.BatchCommands.Add(Command(BookingSql.ListFreePeriodBookings, resourceId, from, to));
        await using var r = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var capacity = r.GetInt32(0);
        var mode = r.GetString(1);

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var slots = new List<SlotAvailability>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var slotCapacity = r.GetInt32(r.GetOrdinal("capacity"));
            var booked = r.GetInt32(r.GetOrdinal("booked"));
            var cancelled = r.GetBoolean(r.GetOrdinal("is_cancelled"));
            slots.Add(new SlotAvailability(
                r.GetGuid(r.GetOrdinal("id")), r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("starts_at")),
                r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("ends_at")), slotCapacity, booked,
                cancelled ? 0 : Math.Max(0, slotCapacity - booked), cancelled));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var bookings = new List<(DateTimeOffset Start, DateTimeOffset End, int Quantity)>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            bookings.Add((r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt32(2)));
        }

        var periods = Sweep(bookings, from, to, capacity, exclusive: mode == "exclusive");
        return new ResourceAvailability(resourceId, mode, capacity, from, to, slots, periods);
    }

    /// <summary>Cuts [from, to) at every booking boundary and merges neighbours with equal usage.</summary>
    internal static List<AvailabilityPeriod> Sweep(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End, int Quantity)> bookings,
        DateTimeOffset from, DateTimeOffset to, int capacity, bool exclusive)
    {
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        foreach (var (start, end, _) in bookings)
        {
            cuts.Add(start);
            cuts.Add(end);
        }
        var periods = new List<AvailabilityPeriod>();
        DateTimeOffset? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } start)
            {
                var booked = bookings.Where(b => b.Start <= start && b.End >= cut).Sum(b => b.Quantity);
                // an exclusive resource is taken as soon as anything is booked
                var remaining = exclusive && booked > 0 ? 0 : Math.Max(0, capacity - booked);
                if (periods.Count > 0 && periods[^1].Booked == booked)
                {
                    periods[^1] = periods[^1] with { End = cut };
                }
                else
                {
                    periods.Add(new AvailabilityPeriod(start, cut, booked, remaining));
                }
            }
            previous = cut;
        }
        return periods;
    }

    private static NpgsqlBatchCommand Command(string sql, Guid resourceId, DateTimeOffset from, DateTimeOffset to)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddNullable<Guid>("resource_id", resourceId, NpgsqlDbType.Uuid);
        command.Parameters.AddInstant("from", from).AddInstant("to", to);
        return command;
    }
}
