namespace MakerMap.Data.Schedules;

/// <summary>How often a recurrence repeats (RFC 5545 §3.3.10 <c>FREQ</c>), in the subset MakerMap supports.</summary>
public enum RecurrenceFrequency
{
    /// <summary><c>FREQ=DAILY</c>.</summary>
    Daily,

    /// <summary><c>FREQ=WEEKLY</c>.</summary>
    Weekly,

    /// <summary><c>FREQ=MONTHLY</c>.</summary>
    Monthly,

    /// <summary><c>FREQ=YEARLY</c>.</summary>
    Yearly,
}

/// <summary>
/// One <c>BYDAY</c> entry: a weekday with an optional ordinal, e.g. <c>2SA</c> (second Saturday) or
/// <c>-1FR</c> (last Friday). <see cref="Ordinal"/> is 0 for "every such weekday".
/// </summary>
/// <param name="Ordinal">1..53 from the start, -1..-53 from the end of the month (or year), 0 for all.</param>
/// <param name="Day">The weekday.</param>
public readonly record struct WeekdayNum(int Ordinal, DayOfWeek Day);

/// <summary>
/// A parsed RFC 5545 RRULE (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10) restricted to
/// FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS and WKST. Produced by
/// <see cref="RecurrenceRuleParser"/>; expanded by <see cref="RecurrenceExpander"/>.
/// </summary>
public sealed record RecurrenceRule
{
    /// <summary>The <c>FREQ</c> part (required).</summary>
    public required RecurrenceFrequency Frequency { get; init; }

    /// <summary>The <c>INTERVAL</c> part: every n-th period; 1 by default.</summary>
    public int Interval { get; init; } = 1;

    /// <summary>The <c>COUNT</c> part: the number of occurrences (before excluded dates are removed).</summary>
    public int? Count { get; init; }

    /// <summary>
    /// The <c>UNTIL</c> part, inclusive: <see cref="DateTimeKind.Utc"/> for <c>...Z</c> values, otherwise a
    /// local date-time (<see cref="UntilIsDate"/> when given as a bare date, covering that whole day).
    /// </summary>
    public DateTime? Until { get; init; }

    /// <summary>Whether <see cref="Until"/> was a bare date (<c>UNTIL=20271231</c>).</summary>
    public bool UntilIsDate { get; init; }

    /// <summary>The <c>BYDAY</c> entries; empty when absent.</summary>
    public IReadOnlyList<WeekdayNum> ByDay { get; init; } = [];

    /// <summary>The <c>BYMONTHDAY</c> values (1..31 or -31..-1); empty when absent.</summary>
    public IReadOnlyList<int> ByMonthDay { get; init; } = [];

    /// <summary>The <c>BYMONTH</c> values (1..12); empty when absent.</summary>
    public IReadOnlyList<int> ByMonth { get; init; } = [];

    /// <summary>The <c>BYSETPOS</c> values (1..366 or -366..-1); empty when absent.</summary>
    public IReadOnlyList<int> BySetPos { get; init; } = [];

    /// <summary>The <c>WKST</c> part: the first day of a week; Monday by default.</summary>
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;
}
