using MakerMap.Data.Schedules;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// A parsed OpenStreetMap <c>opening_hours</c> value that answers "open at?", "until when?" and "which
/// periods?" in a time zone (Europe/Brussels unless told otherwise), on wall-clock time so DST days are
/// right. Rules are applied in order per day as the OSM specification says: a <c>;</c> rule replaces what
/// earlier rules said about the days it matches (an <c>off</c> rule with times only closes those times),
/// a <c>,</c> rule adds to them, and a <c>||</c> rule applies only to days no earlier rule matched. Hours past
/// midnight (<c>Fr 22:00-02:00</c>) belong to the day the span starts on. Immutable and thread-safe.
/// </summary>
public sealed class OpeningHoursSchedule
{
    [ThreadStatic]
    private static List<LocalTimeRange>? _scratch;

    private readonly OpeningHoursRule[] _rules;
    private WeeklyHours? _weekly;

    private OpeningHoursSchedule(string source, OpeningHoursRule[] rules)
    {
        Source = source;
        _rules = rules;
    }

    /// <summary>The zone places are in: Europe/Brussels.</summary>
    public static TimeZoneInfo Brussels { get; } =
        ZonedTime.FindZone("Europe/Brussels") ?? throw new InvalidOperationException("The time zone Europe/Brussels is not installed.");

    /// <summary>The value as given.</summary>
    public string Source { get; }

    /// <summary>The regular week and the exceptions to it, for display.</summary>
    public WeeklyHours Weekly => _weekly ??= BuildWeekly();

    /// <summary>Parses <paramref name="value"/>.</summary>
    /// <exception cref="DataValidationException">The value is not valid (code <see cref="OpeningHoursError.Code"/>).</exception>
    public static OpeningHoursSchedule Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var schedule, out var error) ? schedule : throw error.ToException();
    }

    /// <summary>Parses <paramref name="value"/>, giving the first syntax error instead of throwing.</summary>
    public static bool TryParse(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpeningHoursSchedule? schedule,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out OpeningHoursError? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rules = OpeningHoursParser.Parse(value, out error);
        schedule = rules is null ? null : new OpeningHoursSchedule(value, [.. rules]);
        return schedule is not null;
    }

    /// <summary>Whether the place is open at <paramref name="instant"/> in Europe/Brussels.</summary>
    public bool IsOpenAt(DateTimeOffset instant) => StateAt(instant, Brussels) == OpeningState.Open;

    /// <summary>Whether the place is open at <paramref name="instant"/> (<see cref="OpeningState.Unknown"/> is not open).</summary>
    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone) => StateAt(instant, zone) == OpeningState.Open;

    /// <summary>The state at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public OpeningState StateAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = ZonedTime.ToLocal(instant, zone);
        var date = DateOnly.FromDateTime(local);
        var minute = (local.Hour * 60) + local.Minute;
        // StateAt is the hot path of openAt filters: reuse one scratch list per thread.
        var ranges = _scratch ??= new List<LocalTimeRange>(4);
        var state = OpeningState.Closed;
        RangesOn(date, ranges, weeklyOnly: false);
        foreach (var range in ranges)
        {
            if (minute >= range.StartMinute && minute < range.EndMinute)
            {
                state = Stronger(state, range.State);
            }
        }
        RangesOn(date.AddDays(-1), ranges, weeklyOnly: false);
        foreach (var range in ranges)
        {
            if (minute + 1440 >= range.StartMinute && minute + 1440 < range.EndMinute)
            {
                state = Stronger(state, range.State);
            }
        }
        return state;
    }

    /// <summary>The next instant after <paramref name="instant"/> at which the state changes in Europe/Brussels.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant) => NextChange(instant, Brussels);

    /// <summary>
    /// The next instant after <paramref name="instant"/> at which the state changes, or null if it does not
    /// change within a year (<c>24/7</c>, or never open).
    /// </summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var current = StateAt(instant, zone);
        foreach (var days in (ReadOnlySpan<int>)[8, 64, 400])
        {
            var to = instant.AddDays(days);
            var t = instant;
            var state = current;
            foreach (var interval in IntervalsBetween(instant, to, zone))
            {
                if (interval.Start > t)
                {
                    // a closed gap [t, interval.Start)
                    return state != OpeningState.Closed ? t : interval.Start;
                }
                if (interval.State != state)
                {
                    return t;
                }
                t = interval.End;
            }
            if (t < to && state != OpeningState.Closed)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>The open (or unknown) periods within <c>[from, to)</c> in Europe/Brussels.</summary>
    public IReadOnlyList<OpeningInterval> IntervalsBetween(DateTimeOffset from, DateTimeOffset to) => IntervalsBetween(from, to, Brussels);

    /// <summary>
    /// The open (or unknown) periods within <c>[from, to)</c>, clipped to it, in start order; touching periods
    /// of one state are merged.
    /// </summary>
    public IReadOnlyList<OpeningInterval> IntervalsBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<OpeningInterval>();
        if (to <= from)
        {
            return result;
        }
        var last = DateOnly.FromDateTime(ZonedTime.ToLocal(to, zone));
        var ranges = new List<LocalTimeRange>(4);
        for (var date = DateOnly.FromDateTime(ZonedTime.ToLocal(from, zone)).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            RangesOn(date, ranges, weeklyOnly: false);
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var range in ranges)
            {
                var start = Max(ZonedTime.ToUtc(midnight.AddMinutes(range.StartMinute), zone), from);
                var end = Min(ZonedTime.ToUtc(midnight.AddMinutes(range.EndMinute), zone), to);
                if (start < end)
                {
                    result.Add(new OpeningInterval(start, end, range.State, range.Comment));
                }
            }
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Merge(result);
    }

    /// <summary>Applies the rules to <paramref name="date"/>: its ranges, in start order, into <paramref name="ranges"/>.</summary>
    private void RangesOn(DateOnly date, List<LocalTimeRange> ranges, bool weeklyOnly)
    {
        ranges.Clear();
        var matched = false;
        foreach (var rule in _rules)
        {
            if ((weeklyOnly && !rule.IsWeekly) || (rule.Kind == RuleKind.Fallback && matched) || !rule.Matches(date))
            {
                continue;
            }
            var closesTimes = rule.State == OpeningState.Closed && rule.Times.Length > 0;
            // An "off" rule without times closes the whole day, even after ","; other "," rules add.
            var closesDay = rule.State == OpeningState.Closed && rule.Times.Length == 0;
            if ((rule.Kind != RuleKind.Additional && !closesTimes) || closesDay)
            {
                ranges.Clear();
            }
            matched = true;
            if (closesTimes)
            {
                foreach (var (start, end) in rule.Times)
                {
                    Subtract(ranges, start, end);
                }
            }
            else if (rule.State != OpeningState.Closed)
            {
                if (rule.Times.Length == 0)
                {
                    ranges.Add(new LocalTimeRange(0, 1440, rule.State, rule.Comment));
                }
                foreach (var (start, end) in rule.Times)
                {
                    ranges.Add(new LocalTimeRange(start, end, rule.State, rule.Comment));
                }
            }
        }
        ranges.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
    }

    private static void Subtract(List<LocalTimeRange> ranges, int start, int end)
    {
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            var range = ranges[i];
            if (range.EndMinute <= start || range.StartMinute >= end)
            {
                continue;
            }
            ranges.RemoveAt(i);
            if (range.StartMinute < start)
            {
                ranges.Add(range with { EndMinute = start });
            }
            if (range.EndMinute > end)
            {
                ranges.Add(range with { StartMinute = end });
            }
        }
    }

    private WeeklyHours BuildWeekly()
    {
        var days = new LocalTimeRange[7][];
        var ranges = new List<LocalTimeRange>(4);
        // 7 January 2024 is a Sunday, so AddDays(i) falls on (DayOfWeek)i.
        var sunday = new DateOnly(2024, 1, 7);
        for (var i = 0; i < 7; i++)
        {
            RangesOn(sunday.AddDays(i), ranges, weeklyOnly: true);
            days[i] = [.. ranges];
        }
        return new WeeklyHours(days, [.. _rules.Where(r => !r.IsWeekly).Select(r => r.Text)]);
    }

    private static List<OpeningInterval> Merge(List<OpeningInterval> sorted)
    {
        var merged = new List<OpeningInterval>(sorted.Count);
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && merged[^1] is var previous && previous.State == interval.State && interval.Start <= previous.End)
            {
                merged[^1] = previous with { End = Max(previous.End, interval.End) };
            }
            else
            {
                merged.Add(interval);
            }
        }
        return merged;
    }

    private static OpeningState Stronger(OpeningState a, OpeningState b) =>
        a == OpeningState.Open || b == OpeningState.Open ? OpeningState.Open
        : a == OpeningState.Unknown || b == OpeningState.Unknown ? OpeningState.Unknown : OpeningState.Closed;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
