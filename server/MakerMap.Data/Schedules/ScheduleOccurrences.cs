namespace MakerMap.Data.Schedules;

/// <summary>What a schedule row says about time: enough to expand it without the database.</summary>
/// <param name="StartsLocal">The first occurrence's wall-clock start in <paramref name="TimeZone"/>.</param>
/// <param name="Duration">Wall-clock length of each occurrence.</param>
/// <param name="TimeZone">IANA zone id, e.g. <c>Europe/Brussels</c>.</param>
/// <param name="RRule">The RRULE, or null for a one-off.</param>
/// <param name="ExcludedDates">Local dates whose occurrence is cancelled (EXDATE).</param>
public sealed record ScheduleDefinition(
    DateTime StartsLocal, TimeSpan Duration, string TimeZone, string? RRule, IReadOnlyCollection<DateOnly> ExcludedDates);

/// <summary>One occurrence as a half-open UTC period <c>[Start, End)</c>.</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct Occurrence(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Expands a <see cref="ScheduleDefinition"/> into UTC occurrences.</summary>
public static class ScheduleOccurrences
{
    /// <summary>
    /// The occurrences whose start lies in <c>[from, to)</c>, in order. Each starts at the schedule's
    /// wall-clock time on its date (14:00 stays 14:00 local across DST changes) and ends
    /// <see cref="ScheduleDefinition.Duration"/> of wall-clock time later. COUNT counts occurrences
    /// before excluded dates are removed, as RFC 5545 defines for EXDATE.
    /// </summary>
    /// <exception cref="DataValidationException">The RRULE is invalid (<c>INVALID_RRULE</c>) or the zone unknown.</exception>
    public static IEnumerable<Occurrence> Between(ScheduleDefinition schedule, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = ZonedTime.FindZone(schedule.TimeZone)
            ?? throw new DataValidationException("timeZone", $"Unknown time zone '{schedule.TimeZone}'.", "INVALID_TIME_ZONE");
        var rule = schedule.RRule is null ? null : RecurrenceRuleParser.Parse(schedule.RRule);
        return BetweenIterator(schedule, rule, zone, from, to);
    }

    private static IEnumerable<Occurrence> BetweenIterator(
        ScheduleDefinition schedule, RecurrenceRule? rule, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        // Local offsets are at most a day away from UTC; the exact window is checked per instant.
        var limitLocal = to >= DateTimeOffset.MaxValue.AddDays(-2) ? DateTime.MaxValue : ZonedTime.ToLocal(to, zone).AddDays(1);
        var excluded = schedule.ExcludedDates as IReadOnlySet<DateOnly> ?? schedule.ExcludedDates.ToHashSet();
        foreach (var local in RecurrenceExpander.Expand(rule, schedule.StartsLocal, zone, limitLocal))
        {
            if (excluded.Contains(DateOnly.FromDateTime(local)))
            {
                continue;
            }
            var start = ZonedTime.ToUtc(local, zone);
            if (start >= to)
            {
                yield break;
            }
            if (start < from)
            {
                continue;
            }
            var end = ZonedTime.ToUtc(local + schedule.Duration, zone);
            // A wall-clock length that crosses a gap could shrink to nothing; keep the absolute length then.
            yield return new Occurrence(start, end > start ? end : start + schedule.Duration);
        }
    }
}
