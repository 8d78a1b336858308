namespace MakerMap.Data.Schedules;

/// <summary>
/// Expands a <see cref="RecurrenceRule"/> into local (wall-clock) start times. Works period by
/// period (day, week, month or year, stepping by INTERVAL): the BYxxx parts pick dates inside the
/// period (RFC 5545 §3.3.10 "expand" or "limit" per FREQ), BYSETPOS picks among them, then COUNT and
/// UNTIL end the set. Every occurrence keeps the start's time of day; turning local times into
/// instants is <see cref="ZonedTime"/>'s job.
/// </summary>
public static class RecurrenceExpander
{
    // A rule like FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 never matches; give up after this many empty periods.
    private const int MaxEmptyPeriods = 5000;

    /// <summary>
    /// The occurrences at or after <paramref name="startLocal"/>, in order, up to and including
    /// <paramref name="limitLocal"/>. A null rule is a single occurrence.
    /// </summary>
    /// <param name="rule">The parsed rule, or null for a one-off.</param>
    /// <param name="startLocal">DTSTART as a wall-clock time.</param>
    /// <param name="zone">The zone, needed only to compare a UTC <c>UNTIL</c>.</param>
    /// <param name="limitLocal">Stop after this local time (the caller's window end).</param>
    public static IEnumerable<DateTime> Expand(RecurrenceRule? rule, DateTime startLocal, TimeZoneInfo zone, DateTime limitLocal)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (rule is null)
        {
            if (startLocal <= limitLocal)
            {
                yield return startLocal;
            }
            yield break;
        }

        var time = startLocal.TimeOfDay;
        var emitted = 0;
        var empty = 0;
        for (var period = 0L; ; period++)
        {
            var first = PeriodStart(rule, startLocal.Date, period * rule.Interval);
            if (first is null || first.Value > limitLocal || empty > MaxEmptyPeriods)
            {
                yield break;
            }
            var dates = Candidates(rule, startLocal, first.Value);
            empty = dates.Count == 0 ? empty + 1 : 0;
            foreach (var date in dates)
            {
                var occurrence = date + time;
                if (occurrence < startLocal)
                {
                    continue;
                }
                if (occurrence > limitLocal || PastUntil(rule, occurrence, zone) || emitted == rule.Count)
                {
                    yield break;
                }
                emitted++;
                yield return occurrence;
            }
        }
    }

    private static bool PastUntil(RecurrenceRule rule, DateTime occurrence, TimeZoneInfo zone) => rule.Until switch
    {
        null => false,
        { Kind: DateTimeKind.Utc } until => ZonedTime.ToUtc(occurrence, zone).UtcDateTime > until,
        var until when rule.UntilIsDate => occurrence.Date > until.Value.Date,
        var until => occurrence > until.Value,
    };

    // The first day of the period `steps` periods after the one holding `start`, or null past year 9998.
    private static DateTime? PeriodStart(RecurrenceRule rule, DateTime start, long steps)
    {
        try
        {
            return rule.Frequency switch
            {
                RecurrenceFrequency.Daily => start.AddDays(steps),
                RecurrenceFrequency.Weekly => start.AddDays(-(((int)start.DayOfWeek - (int)rule.WeekStart + 7) % 7)).AddDays(7 * steps),
                RecurrenceFrequency.Monthly => new DateTime(start.Year, start.Month, 1).AddMonths(checked((int)steps)),
                _ => new DateTime(start.Year, 1, 1).AddYears(checked((int)steps)),
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    // The sorted dates of one period, after BYSETPOS.
    private static List<DateTime> Candidates(RecurrenceRule rule, DateTime start, DateTime first)
    {
        var dates = rule.Frequency switch
        {
            RecurrenceFrequency.Daily => Matches(rule, first) ? [first] : new List<DateTime>(),
            RecurrenceFrequency.Weekly => WeekDates(rule, start, first),
            RecurrenceFrequency.Monthly => rule.ByMonth.Count == 0 || rule.ByMonth.Contains(first.Month)
                ? MonthDates(rule, start, first) : [],
            _ => YearDates(rule, start, first.Year),
        };
        dates.Sort();
        return rule.BySetPos.Count == 0 ? dates : SetPositions(rule.BySetPos, dates);
    }

    // DAILY: every BYxxx part limits.
    private static bool Matches(RecurrenceRule rule, DateTime day) =>
        (rule.ByMonth.Count == 0 || rule.ByMonth.Contains(day.Month))
        && (rule.ByMonthDay.Count == 0 || rule.ByMonthDay.Any(d => ResolveMonthDay(day, d) == day.Day))
        && (rule.ByDay.Count == 0 || rule.ByDay.Any(w => w.Day == day.DayOfWeek));

    // WEEKLY: BYDAY expands within the week (default: DTSTART's weekday), BYMONTH limits.
    private static List<DateTime> WeekDates(RecurrenceRule rule, DateTime start, DateTime weekStart)
    {
        var result = new List<DateTime>(7);
        for (var i = 0; i < 7; i++)
        {
            var day = weekStart.AddDays(i);
            var wanted = rule.ByDay.Count == 0 ? day.DayOfWeek == start.DayOfWeek : rule.ByDay.Any(w => w.Day == day.DayOfWeek);
            if (wanted && (rule.ByMonth.Count == 0 || rule.ByMonth.Contains(day.Month)))
            {
                result.Add(day);
            }
        }
        return result;
    }

    // MONTHLY (and YEARLY per month): BYMONTHDAY and BYDAY expand; together they intersect.
    private static List<DateTime> MonthDates(RecurrenceRule rule, DateTime start, DateTime monthStart)
    {
        var last = monthStart.AddMonths(1).AddDays(-1);
        if (rule.ByMonthDay.Count == 0 && rule.ByDay.Count == 0)
        {
            return start.Day <= last.Day ? [monthStart.AddDays(start.Day - 1)] : [];
        }
        var byMonthDay = rule.ByMonthDay.Select(d => ResolveMonthDay(monthStart, d)).Where(d => d > 0).Select(d => monthStart.AddDays(d - 1));
        var byDay = rule.ByDay.SelectMany(w => Weekdays(monthStart, last, w));
        if (rule.ByMonthDay.Count == 0)
        {
            return [.. byDay.Distinct()];
        }
        return rule.ByDay.Count == 0 ? [.. byMonthDay.Distinct()] : [.. byMonthDay.Intersect(byDay)];
    }

    // YEARLY: BYMONTH expands; without it, BYDAY alone counts ordinals within the year.
    private static List<DateTime> YearDates(RecurrenceRule rule, DateTime start, int year)
    {
        var yearStart = new DateTime(year, 1, 1);
        if (rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0 && rule.ByDay.Count > 0)
        {
            return [.. rule.ByDay.SelectMany(w => Weekdays(yearStart, new DateTime(year, 12, 31), w)).Distinct()];
        }
        IEnumerable<int> months = rule.ByMonth.Count > 0 ? rule.ByMonth
            : rule.ByMonthDay.Count > 0 ? Enumerable.Range(1, 12) : [start.Month];
        return [.. months.Distinct().SelectMany(m => MonthDates(rule, start, new DateTime(year, m, 1)))];
    }

    // Every such weekday between first and last, or only the n-th (from the end when negative).
    private static IEnumerable<DateTime> Weekdays(DateTime first, DateTime last, WeekdayNum weekday)
    {
        var firstMatch = first.AddDays(((int)weekday.Day - (int)first.DayOfWeek + 7) % 7);
        if (weekday.Ordinal == 0)
        {
            for (var day = firstMatch; day <= last; day = day.AddDays(7))
            {
                yield return day;
            }
            yield break;
        }
        var match = weekday.Ordinal > 0
            ? firstMatch.AddDays(7 * (weekday.Ordinal - 1))
            : last.AddDays(-(((int)last.DayOfWeek - (int)weekday.Day + 7) % 7)).AddDays(7 * (weekday.Ordinal + 1));
        if (match >= first && match <= last)
        {
            yield return match;
        }
    }

    // 1..31 as is, -1 the last day of the month; 0 when the month has no such day.
    private static int ResolveMonthDay(DateTime inMonth, int day)
    {
        var days = DateTime.DaysInMonth(inMonth.Year, inMonth.Month);
        var resolved = day > 0 ? day : days + 1 + day;
        return resolved >= 1 && resolved <= days ? resolved : 0;
    }

    private static List<DateTime> SetPositions(IReadOnlyList<int> positions, List<DateTime> dates)
    {
        var picked = new SortedSet<DateTime>();
        foreach (var position in positions)
        {
            var index = position > 0 ? position - 1 : dates.Count + position;
            if (index >= 0 && index < dates.Count)
            {
                picked.Add(dates[index]);
            }
        }
        return [.. picked];
    }
}
