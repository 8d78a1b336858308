using MakerMap.Data.Schedules;

namespace MakerMap.Data.Tests.Schedules;

public sealed class ScheduleOccurrencesTests
{
    private const string Brussels = "Europe/Brussels";

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static List<Occurrence> Expand(string? rrule, DateTime startsLocal, DateTimeOffset from, DateTimeOffset to,
        TimeSpan? duration = null, params DateOnly[] excluded) =>
        [.. ScheduleOccurrences.Between(new ScheduleDefinition(startsLocal, duration ?? TimeSpan.FromHours(3), Brussels, rrule, excluded), from, to)];

    [Fact]
    public void Between_monthly_second_saturday_stays_at_14_local_across_both_dst_changes()
    {
        var found = Expand("FREQ=MONTHLY;BYDAY=2SA", new DateTime(2026, 9, 12, 14, 0, 0), Utc(2026, 9, 1, 0), Utc(2027, 5, 1, 0));

        Assert.Equal(
            [
                Utc(2026, 9, 12, 12), Utc(2026, 10, 10, 12), // summer time, UTC+2
                Utc(2026, 11, 14, 13), Utc(2026, 12, 12, 13), Utc(2027, 1, 9, 13), Utc(2027, 2, 13, 13), Utc(2027, 3, 13, 13),
                Utc(2027, 4, 10, 12), // summer time again after 28 March
            ],
            found.Select(o => o.Start));
        Assert.All(found, o => Assert.Equal(TimeSpan.FromHours(3), o.End - o.Start));
    }

    [Fact]
    public void Between_weekly_byday_with_interval_2_skips_every_other_week()
    {
        var found = Expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", new DateTime(2026, 12, 1, 13, 30, 0), Utc(2026, 11, 1, 0), Utc(2027, 1, 20, 0));

        Assert.Equal(
            [new DateTime(2026, 12, 1), new(2026, 12, 3), new(2026, 12, 15), new(2026, 12, 17), new(2026, 12, 29), new(2026, 12, 31), new(2027, 1, 12), new(2027, 1, 14)],
            found.Select(o => o.Start.UtcDateTime.Date));
        Assert.All(found, o => Assert.Equal(12, o.Start.Hour));
    }

    [Fact]
    public void Between_count_limits_the_set_even_when_the_window_is_later()
    {
        var start = new DateTime(2026, 12, 1, 9, 0, 0);

        var all = Expand("FREQ=DAILY;COUNT=3", start, Utc(2026, 1, 1, 0), Utc(2028, 1, 1, 0));
        var later = Expand("FREQ=DAILY;COUNT=3", start, Utc(2026, 12, 3, 0), Utc(2028, 1, 1, 0));

        Assert.Equal([Utc(2026, 12, 1, 8), Utc(2026, 12, 2, 8), Utc(2026, 12, 3, 8)], all.Select(o => o.Start));
        Assert.Equal([Utc(2026, 12, 3, 8)], later.Select(o => o.Start));
    }

    [Fact]
    public void Between_count_counts_excluded_dates_as_rfc5545_exdate_does()
    {
        var found = Expand("FREQ=DAILY;COUNT=3", new DateTime(2026, 12, 1, 9, 0, 0), Utc(2026, 1, 1, 0), Utc(2028, 1, 1, 0),
            excluded: new DateOnly(2026, 12, 2));

        Assert.Equal([Utc(2026, 12, 1, 8), Utc(2026, 12, 3, 8)], found.Select(o => o.Start));
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;UNTIL=20261215")]
    [InlineData("FREQ=WEEKLY;UNTIL=20261215T090000")]
    [InlineData("FREQ=WEEKLY;UNTIL=20261215T080000Z")]
    public void Between_until_is_inclusive_in_every_form(string rrule)
    {
        var found = Expand(rrule, new DateTime(2026, 12, 1, 9, 0, 0), Utc(2026, 1, 1, 0), Utc(2028, 1, 1, 0));

        Assert.Equal([Utc(2026, 12, 1, 8), Utc(2026, 12, 8, 8), Utc(2026, 12, 15, 8)], found.Select(o => o.Start));
    }

    [Fact]
    public void Between_excluded_dates_leave_out_those_local_days()
    {
        var found = Expand("FREQ=WEEKLY;BYDAY=TU", new DateTime(2026, 12, 1, 13, 30, 0), Utc(2026, 12, 1, 0), Utc(2027, 1, 1, 0),
            excluded: [new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 29)]);

        Assert.Equal([Utc(2026, 12, 1, 12, 30), Utc(2026, 12, 8, 12, 30), Utc(2026, 12, 15, 12, 30)], found.Select(o => o.Start));
    }

    [Fact]
    public void Between_a_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // 28 March 2027: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        var found = Expand("FREQ=DAILY", new DateTime(2027, 3, 27, 2, 30, 0), Utc(2027, 3, 26, 0), Utc(2027, 3, 30, 0), TimeSpan.FromHours(1));

        Assert.Equal([Utc(2027, 3, 27, 1, 30), Utc(2027, 3, 28, 1, 30), Utc(2027, 3, 29, 0, 30)], found.Select(o => o.Start));
        Assert.Equal(Utc(2027, 3, 28, 2, 30), found[1].End); // 04:30 CEST
    }

    [Fact]
    public void Between_a_time_that_occurs_twice_in_autumn_means_the_first_one()
    {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
        var found = Expand(null, new DateTime(2026, 10, 25, 2, 30, 0), Utc(2026, 10, 1, 0), Utc(2026, 11, 1, 0), TimeSpan.FromHours(1));

        Assert.Equal([Utc(2026, 10, 25, 0, 30)], found.Select(o => o.Start));
    }

    [Fact]
    public void Between_monthly_last_friday_and_last_weekday_by_setpos()
    {
        var lastFriday = Expand("FREQ=MONTHLY;BYDAY=-1FR", new DateTime(2026, 12, 25, 18, 0, 0), Utc(2026, 12, 1, 0), Utc(2027, 3, 1, 0));
        var lastWeekday = Expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", new DateTime(2026, 12, 1, 18, 0, 0), Utc(2026, 12, 1, 0), Utc(2027, 3, 1, 0));

        Assert.Equal([new DateTime(2026, 12, 25), new(2027, 1, 29), new(2027, 2, 26)], lastFriday.Select(o => o.Start.UtcDateTime.Date));
        Assert.Equal([new DateTime(2026, 12, 31), new(2027, 1, 29), new(2027, 2, 26)], lastWeekday.Select(o => o.Start.UtcDateTime.Date));
    }

    [Fact]
    public void Between_monthly_bymonthday_31_skips_short_months_and_minus_1_is_the_last_day()
    {
        var the31st = Expand("FREQ=MONTHLY;BYMONTHDAY=31", new DateTime(2027, 1, 31, 10, 0, 0), Utc(2027, 1, 1, 0), Utc(2027, 6, 1, 0));
        var lastDay = Expand("FREQ=MONTHLY;BYMONTHDAY=-1", new DateTime(2027, 1, 31, 10, 0, 0), Utc(2027, 1, 1, 0), Utc(2027, 4, 1, 0));

        Assert.Equal([31, 31, 31], the31st.Select(o => o.Start.Day));
        Assert.Equal([1, 3, 5], the31st.Select(o => o.Start.Month));
        Assert.Equal([new DateTime(2027, 1, 31), new(2027, 2, 28), new(2027, 3, 31)], lastDay.Select(o => o.Start.UtcDateTime.Date));
    }

    [Fact]
    public void Between_yearly_bymonth_and_byday_picks_the_weekday_in_that_month()
    {
        // The first Saturday of June and of December.
        var found = Expand("FREQ=YEARLY;BYMONTH=6,12;BYDAY=1SA", new DateTime(2026, 12, 5, 10, 0, 0), Utc(2026, 1, 1, 0), Utc(2028, 1, 1, 0));

        Assert.Equal([new DateTime(2026, 12, 5), new(2027, 6, 5), new(2027, 12, 4)], found.Select(o => o.Start.UtcDateTime.Date));
    }

    [Fact]
    public void Between_without_rrule_is_one_occurrence_inside_the_window_only()
    {
        var start = new DateTime(2026, 12, 5, 14, 0, 0);

        Assert.Single(Expand(null, start, Utc(2026, 12, 1, 0), Utc(2026, 12, 31, 0)));
        Assert.Empty(Expand(null, start, Utc(2026, 12, 6, 0), Utc(2026, 12, 31, 0)));
    }

    [Fact]
    public void Between_a_rule_that_never_matches_ends_instead_of_looping()
    {
        var found = Expand("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", new DateTime(2026, 1, 1, 10, 0, 0), Utc(2026, 1, 1, 0), DateTimeOffset.MaxValue);

        Assert.Empty(found);
    }
}
