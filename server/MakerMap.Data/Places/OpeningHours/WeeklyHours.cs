namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// The regular week of an <c>opening_hours</c> value for display: per weekday the ranges given by rules that
/// select only weekdays, and the other rules (public holidays, months, dates, nth weekday of the month,
/// fallbacks) as their source text in <see cref="Exceptions"/>.
/// </summary>
public sealed class WeeklyHours
{
    private readonly LocalTimeRange[][] _days;

    internal WeeklyHours(LocalTimeRange[][] days, IReadOnlyList<string> exceptions)
    {
        _days = days;
        Exceptions = exceptions;
    }

    /// <summary>The ranges on <paramref name="day"/> in the regular week, in start order (empty: closed).</summary>
    public IReadOnlyList<LocalTimeRange> this[DayOfWeek day] => _days[(int)day];

    /// <summary>Rules not in the regular week, as written, e.g. <c>PH off</c> or <c>Sa[2] 14:00-17:00</c>.</summary>
    public IReadOnlyList<string> Exceptions { get; }
}
