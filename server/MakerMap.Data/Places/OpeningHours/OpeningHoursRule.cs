namespace MakerMap.Data.Places.OpeningHours;

/// <summary>How a rule combines with the rules before it (OSM wiki, "Rule separators").</summary>
internal enum RuleKind
{
    /// <summary><c>;</c>: overrides what earlier rules said about the days it matches.</summary>
    Normal,

    /// <summary><c>,</c>: adds to earlier rules on the days it matches.</summary>
    Additional,

    /// <summary><c>||</c>: applies only on days no earlier rule matched.</summary>
    Fallback,
}

/// <summary>A weekday range, <c>Mo-Fr</c>, optionally limited to nth weekdays of the month, <c>Sa[2]</c>.</summary>
/// <param name="From">First weekday, Monday = 0.</param>
/// <param name="To">Last weekday (may be before <paramref name="From"/>: <c>Fr-Mo</c> wraps).</param>
/// <param name="Nth">Bit set of nth occurrences: bits 0..4 for 1..5, bits 5..9 for -1..-5; 0 = every week.</param>
internal readonly record struct WeekdayRange(int From, int To, int Nth)
{
    public bool Matches(DateOnly date)
    {
        var day = ((int)date.DayOfWeek + 6) % 7;
        var inRange = From <= To ? day >= From && day <= To : day >= From || day <= To;
        if (!inRange)
        {
            return false;
        }
        if (Nth == 0)
        {
            return true;
        }
        var fromStart = ((date.Day - 1) / 7) + 1;
        var fromEnd = ((DateTime.DaysInMonth(date.Year, date.Month) - date.Day) / 7) + 1;
        return (Nth & (1 << (fromStart - 1))) != 0 || (Nth & (1 << (4 + fromEnd))) != 0;
    }
}

/// <summary>A range of months or dates, <c>Jan-Mar</c>, <c>Dec 24</c>, <c>Dec 24-Jan 2</c>; wraps over the year end.</summary>
/// <param name="From">Start as month (1..12) * 32 + day (day 1 for a month range).</param>
/// <param name="To">End as month * 32 + day (day 31 for a month range), inclusive.</param>
internal readonly record struct DateRange(int From, int To)
{
    public bool Matches(DateOnly date)
    {
        var key = (date.Month * 32) + date.Day;
        return From <= To ? key >= From && key <= To : key >= From || key <= To;
    }
}

/// <summary>One parsed rule: selectors, times, state and comment.</summary>
internal sealed class OpeningHoursRule
{
    public RuleKind Kind { get; init; }

    /// <summary>The rule as written, for <see cref="WeeklyHours.Exceptions"/>.</summary>
    public required string Text { get; init; }

    public DateRange[] Dates { get; init; } = [];

    public WeekdayRange[] Weekdays { get; init; } = [];

    /// <summary>Whether <c>PH</c> is in the weekday list (matching is the union of the list).</summary>
    public bool PublicHoliday { get; init; }

    /// <summary>Time spans as minute pairs; empty means the whole day.</summary>
    public (int Start, int End)[] Times { get; init; } = [];

    public OpeningState State { get; init; }

    public string? Comment { get; init; }

    /// <summary>Whether the rule selects weekdays only (every week, no PH, no dates): part of the regular week.</summary>
    public bool IsWeekly => Kind != RuleKind.Fallback && Dates.Length == 0 && !PublicHoliday && Weekdays.All(w => w.Nth == 0);

    public bool Matches(DateOnly date)
    {
        if (Dates.Length > 0 && !Any(Dates, date))
        {
            return false;
        }
        if (Weekdays.Length == 0 && !PublicHoliday)
        {
            return true;
        }
        return (PublicHoliday && BelgianPublicHolidays.IsHoliday(date)) || AnyWeekday(date);
    }

    private bool AnyWeekday(DateOnly date)
    {
        foreach (var range in Weekdays)
        {
            if (range.Matches(date))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Any(DateRange[] ranges, DateOnly date)
    {
        foreach (var range in ranges)
        {
            if (range.Matches(date))
            {
                return true;
            }
        }
        return false;
    }
}
