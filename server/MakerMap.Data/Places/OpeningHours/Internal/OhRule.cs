namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>The moment a rule is asked about: the local date and minute, and the instant (for sunrise and sunset).</summary>
internal readonly record struct OhMoment(DateOnly Date, int Minute, DateTimeOffset Instant);

/// <summary>Whether a date selector matches a date; <paramref name="name"/> gets a holiday's name when one matched.</summary>
internal delegate bool OhDateSelector(DateOnly date, ref string? name);

/// <summary>A time selector's answer: in the range, in an open-end range, and whether it knows a next change.</summary>
internal readonly record struct OhTimeMatch(bool Matches, bool OpenEnd = false, bool HasNextChange = true);

/// <summary>
/// One internal rule, as opening_hours.js evaluates it: date selectors grouped by kind (a date matches when every
/// group has a matching selector), time selectors, the state and comment. A span past midnight adds a second,
/// <see cref="Wrapped"/> rule for the next day.
/// </summary>
internal sealed class OhRule
{
    public List<List<OhDateSelector>> Date { get; } = [];

    public List<Func<OhMoment, OhTimeMatch>> Time { get; } = [];

    public List<Func<OhMoment, OhTimeMatch>> WrapTime { get; } = [];

    /// <summary>Open (true) or closed/unknown (false).</summary>
    public bool Meaning { get; set; } = true;

    public bool Unknown { get; set; }

    public string? Comment { get; set; }

    public bool Additional { get; init; }

    public bool Fallback { get; init; }

    public bool Wrapped { get; init; }

    /// <summary>Whether the rule selects only plain weekdays (no holidays, dates, weeks or nth weekdays): part of the regular week.</summary>
    public bool IsWeekly { get; set; } = true;

    /// <summary>The rule as written, for <see cref="WeeklyHours.Exceptions"/>.</summary>
    public string Text { get; set; } = "";

    /// <summary>Every fixed minute at which one of its time selectors starts or ends, for building intervals.</summary>
    public List<int> Boundaries { get; } = [];

    /// <summary>Whether a time selector depends on the sun, so its boundaries move from day to day.</summary>
    public bool HasVariableTimes { get; set; }

    public bool MatchesDate(DateOnly date, ref string? holidayName)
    {
        foreach (var group in Date)
        {
            var any = false;
            foreach (var selector in group)
            {
                string? name = null;
                if (selector(date, ref name))
                {
                    any = true;
                    if (name is not null)
                    {
                        holidayName = name;
                    }
                }
            }
            if (!any)
            {
                return false;
            }
        }
        return true;
    }
}
