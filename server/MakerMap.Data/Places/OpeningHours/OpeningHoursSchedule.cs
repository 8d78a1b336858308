using MakerMap.Data.Places.OpeningHours.Internal;
using MakerMap.Data.Schedules;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// A parsed OpenStreetMap <c>opening_hours</c> value that answers "open, closed or unknown at?", "until when?" and
/// "which periods?" in a time zone (Europe/Brussels unless told otherwise) on the wall clock, with Belgian public
/// holidays (<c>PH</c>), Flemish school holidays (<c>SH</c>) and the sun in Brussels. It evaluates the way
/// opening_hours.js, OpenStreetMap's reference evaluator, does (see docs/opening-hours.md and the differential test
/// against it): a <c>;</c> rule replaces what earlier rules said about the days it selects, an <c>off</c> rule or a
/// <c>,</c> rule adds to them, a <c>||</c> rule applies only where nothing said open or unknown, a rule that is only a
/// comment is unknown, and hours past midnight belong to the day they fall on. Immutable and thread-safe.
/// </summary>
public sealed class OpeningHoursSchedule
{
    private readonly OhRule[] _rules;
    private readonly int[] _fixedBoundaries;
    private readonly bool _variable;
    private WeeklyHours? _weekly;

    private OpeningHoursSchedule(string source, OhRule[] rules, IReadOnlyList<string> warnings)
    {
        Source = source;
        _rules = rules;
        Warnings = warnings;
        _variable = rules.Any(r => r.HasVariableTimes);
        _fixedBoundaries = [.. rules.SelectMany(r => r.Boundaries).Append(0).Where(b => b is >= 0 and < 1440).Distinct().Order()];
    }

    /// <summary>The zone places are in: Europe/Brussels.</summary>
    public static TimeZoneInfo Brussels { get; } =
        ZonedTime.FindZone("Europe/Brussels") ?? throw new InvalidOperationException("The time zone Europe/Brussels is not installed.");

    /// <summary>The value as given.</summary>
    public string Source { get; }

    /// <summary>What could be written better although it parses (e.g. <c>9:00</c>, <c>Mo-Fr 10-12</c>), with the position.</summary>
    public IReadOnlyList<string> Warnings { get; }

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
        var warnings = new List<OhWarning>();
        try
        {
            var rules = OhParser.Parse(value, warnings);
            schedule = new OpeningHoursSchedule(value, [.. rules],
                [.. warnings.OrderBy(w => w.Position).Select(w => $"{w.Message} (at position {w.Position})").Distinct()]);
            error = null;
            return true;
        }
        catch (OhSyntaxException e)
        {
            schedule = null;
            error = new OpeningHoursError(e.Position, e.Expected, Found(value, e.Position));
            return false;
        }
    }

    private static string Found(string value, int position)
    {
        if (position >= value.Length)
        {
            return "end of input";
        }
        var end = position;
        while (end < value.Length && end - position < 12 && (end == position || !char.IsWhiteSpace(value[end])))
        {
            end++;
        }
        return "\"" + value[position..end] + "\"";
    }

    /// <summary>Whether the place is open at <paramref name="instant"/> in Europe/Brussels.</summary>
    public bool IsOpenAt(DateTimeOffset instant) => StateAt(instant, Brussels) == OpeningState.Open;

    /// <summary>Whether the place is open at <paramref name="instant"/> (<see cref="OpeningState.Unknown"/> is not open).</summary>
    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone) => StateAt(instant, zone) == OpeningState.Open;

    /// <summary>The state at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public OpeningState StateAt(DateTimeOffset instant, TimeZoneInfo zone) => StateAndCommentAt(instant, zone).State;

    /// <summary>The state and the comment that applies (a rule's comment, a holiday's name) at <paramref name="instant"/> in Europe/Brussels.</summary>
    public (OpeningState State, string? Comment) StateAndCommentAt(DateTimeOffset instant) => StateAndCommentAt(instant, Brussels);

    /// <summary>The state and the comment that applies at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public (OpeningState State, string? Comment) StateAndCommentAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = ZonedTime.ToLocal(instant, zone);
        return OhEvaluator.StateAt(_rules, new OhMoment(DateOnly.FromDateTime(local), (local.Hour * 60) + local.Minute, instant));
    }

    /// <summary>The next instant after <paramref name="instant"/> at which the state changes in Europe/Brussels.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant) => NextChange(instant, Brussels);

    /// <summary>
    /// The next instant after <paramref name="instant"/> at which the state (open, closed, unknown) changes, or null
    /// if it does not change within about a year (<c>24/7</c>, or never open).
    /// </summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var current = StateAt(instant, zone);
        var from = instant;
        foreach (var days in (ReadOnlySpan<int>)[8, 64, 400])
        {
            var to = instant.AddDays(days);
            foreach (var period in Timeline(from, to, zone))
            {
                if (period.State != current)
                {
                    return period.Start;
                }
            }
            from = to;
        }
        return null;
    }

    /// <summary>The open (or unknown) periods within <c>[from, to)</c> in Europe/Brussels.</summary>
    public IReadOnlyList<OpeningInterval> IntervalsBetween(DateTimeOffset from, DateTimeOffset to) => IntervalsBetween(from, to, Brussels);

    /// <summary>
    /// The open (or unknown) periods within <c>[from, to)</c>, clipped to it, in start order; touching periods of
    /// one state and comment are merged.
    /// </summary>
    public IReadOnlyList<OpeningInterval> IntervalsBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) =>
        [.. Timeline(from, to, zone).Where(i => i.State != OpeningState.Closed)];

    /// <summary>
    /// Every period within <c>[from, to)</c> with its state and comment, closed ones included, covering the window
    /// without gaps; neighbouring periods differ in state or comment.
    /// </summary>
    public IReadOnlyList<OpeningInterval> Timeline(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<OpeningInterval>();
        if (to <= from)
        {
            return result;
        }
        // The state can only change at a rule's boundary minute on the wall clock (every minute on days that follow
        // the sun), so evaluating at those instants gives every period.
        var points = new SortedSet<DateTimeOffset> { from };
        var last = DateOnly.FromDateTime(ZonedTime.ToLocal(to, zone));
        for (var date = DateOnly.FromDateTime(ZonedTime.ToLocal(from, zone)); date <= last; date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            IEnumerable<int> minutes = _variable ? Enumerable.Range(0, 1440) : _fixedBoundaries;
            foreach (var minute in minutes)
            {
                var at = ZonedTime.ToUtc(midnight.AddMinutes(minute), zone);
                if (at > from && at < to)
                {
                    points.Add(at);
                }
            }
        }
        OpeningInterval? open = null;
        foreach (var at in points)
        {
            var (state, comment) = StateAndCommentAt(at, zone);
            if (open is { } o && o.State == state && o.Comment == comment)
            {
                continue;
            }
            if (open is { } previous)
            {
                result.Add(previous with { End = at });
            }
            open = new OpeningInterval(at, to, state, comment);
        }
        result.Add(open!.Value);
        return result;
    }

    private WeeklyHours BuildWeekly()
    {
        var weeklyRules = _rules.Where(r => r.IsWeekly).ToArray();
        var days = new LocalTimeRange[7][];
        // 7 January 2024 is a Sunday with no holiday in its week, so AddDays(i) falls on (DayOfWeek)i.
        var sunday = new DateOnly(2024, 1, 7);
        for (var i = 0; i < 7; i++)
        {
            var date = sunday.AddDays(i);
            var ranges = new List<LocalTimeRange>();
            var noon = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(1));
            (OpeningState State, string? Comment, int Start)? current = null;
            for (var minute = 0; minute <= 1440; minute++)
            {
                var (state, comment) = minute == 1440
                    ? (OpeningState.Closed, null)
                    : OhEvaluator.StateAt(weeklyRules, new OhMoment(date, minute, noon));
                if (current is { } c && (c.State != state || c.Comment != comment))
                {
                    if (c.State != OpeningState.Closed)
                    {
                        ranges.Add(new LocalTimeRange(c.Start, minute, c.State, c.Comment));
                    }
                    current = null;
                }
                current ??= (state, comment, minute);
            }
            days[i] = [.. ranges];
        }
        return new WeeklyHours(days, [.. _rules.Where(r => !r.IsWeekly && !r.Wrapped).Select(r => r.Text).Distinct()]);
    }
}
