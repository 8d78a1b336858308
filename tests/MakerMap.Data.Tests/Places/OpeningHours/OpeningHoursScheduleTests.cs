using System.Globalization;
using MakerMap.Data.Places.OpeningHours;

namespace MakerMap.Data.Tests.Places.OpeningHours;

public sealed partial class OpeningHoursScheduleTests
{
    // Local Brussels times with their offset: +01:00 in winter, +02:00 in summer.
    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static bool Open(string hours, string at) => OpeningHoursSchedule.Parse(hours).IsOpenAt(At(at));

    [Theory]
    [InlineData("2026-11-24T10:00+01:00", true)]   // Tuesday morning
    [InlineData("2026-11-24T08:59+01:00", false)]
    [InlineData("2026-11-24T16:59+01:00", true)]
    [InlineData("2026-11-24T17:00+01:00", false)]  // half-open: 17:00 is closed
    [InlineData("2026-11-28T11:00+01:00", true)]   // Saturday
    [InlineData("2026-11-28T12:30+01:00", false)]
    [InlineData("2026-11-29T11:00+01:00", false)]  // Sunday
    public void IsOpenAt_weekdays_and_saturday_morning(string at, bool open) =>
        Assert.Equal(open, Open("Mo-Fr 09:00-17:00; Sa 10:00-12:00", at));

    [Theory]
    [InlineData("2026-07-21T12:00+02:00", false)]  // National Day, a Tuesday
    [InlineData("2026-07-22T12:00+02:00", true)]
    [InlineData("2026-04-06T12:00+02:00", false)]  // Easter Monday
    [InlineData("2026-05-14T12:00+02:00", false)]  // Ascension
    [InlineData("2026-11-11T12:00+01:00", false)]  // Armistice
    [InlineData("2026-11-12T12:00+01:00", true)]
    public void IsOpenAt_public_holiday_off_closes_a_weekday(string at, bool open) =>
        Assert.Equal(open, Open("Mo-Sa 10:00-18:00; PH off", at));

    [Theory]
    [InlineData("2026-11-14T15:00+01:00", true)]   // 2nd Saturday of November 2026
    [InlineData("2026-11-07T15:00+01:00", false)]
    [InlineData("2026-11-21T15:00+01:00", false)]
    [InlineData("2026-11-14T17:00+01:00", false)]
    public void IsOpenAt_repair_cafe_on_the_second_saturday(string at, bool open) =>
        Assert.Equal(open, Open("Sa[2] 14:00-17:00", at));

    [Theory]
    [InlineData("2026-11-29T11:00+01:00", true)]   // last Sunday of November 2026
    [InlineData("2026-11-22T11:00+01:00", false)]
    public void IsOpenAt_last_sunday_of_the_month(string at, bool open) =>
        Assert.Equal(open, Open("Su[-1] 10:00-12:00", at));

    [Theory]
    [InlineData("2026-11-28T01:00+01:00", true)]   // Saturday 01:00, from Friday's span
    [InlineData("2026-11-28T02:00+01:00", false)]
    [InlineData("2026-11-27T23:00+01:00", true)]
    [InlineData("2026-11-27T21:59+01:00", false)]
    [InlineData("2026-11-27T01:00+01:00", false)]  // Friday 01:00: Thursday has no span
    public void IsOpenAt_span_past_midnight_runs_into_the_next_day(string at, bool open) =>
        Assert.Equal(open, Open("Fr 22:00-02:00", at));

    [Theory]
    [Trait("Issue", "17")]
    [InlineData("Fr 22:00-04:00; Sa 21:00-04:00", "2026-11-28T02:00+01:00", OpeningState.Closed)]  // the Sa rule replaces Saturday
    [InlineData("Fr 22:00-04:00; Sa 21:00-04:00", "2026-11-29T02:00+01:00", OpeningState.Open)]
    [InlineData("22:00-02:00; Th 12:00-14:00", "2026-11-26T01:00+01:00", OpeningState.Closed)]
    [InlineData("Mo-Fr 09:00-17:00; 12:00-13:00", "2026-11-23T10:00+01:00", OpeningState.Open)]     // a time-only rule adds
    [InlineData("Sa 10:00-12:00 \"eerste zaterdag\"", "2026-11-28T11:00+01:00", OpeningState.Unknown)]
    [InlineData("Oct-Dec \"on request\"", "2026-11-24T11:00+01:00", OpeningState.Unknown)]
    [InlineData("Mo-Fr 09:00-17:00 || \"op afspraak\"", "2026-11-23T18:00+01:00", OpeningState.Unknown)]
    [InlineData("2027 Dec 24 off; Mo-Fr 09:00-17:00", "2027-12-24T10:00+01:00", OpeningState.Open)]
    [InlineData("Mo-Fr 09:00-17:00; 2027 Dec 24 off", "2027-12-24T10:00+01:00", OpeningState.Closed)]
    [InlineData("Mo-Fr 09:00-17:00; easter +1 day off", "2026-04-06T10:00+02:00", OpeningState.Closed)]
    [InlineData("week 1-53/2 Sa 10:00-12:00", "2026-01-03T11:00+01:00", OpeningState.Open)]   // ISO week 1 of 2026
    [InlineData("week 1-53/2 Sa 10:00-12:00", "2026-01-10T11:00+01:00", OpeningState.Closed)]
    [InlineData("Mo-Su 10:00+", "2026-11-24T20:00+01:00", OpeningState.Unknown)]
    [InlineData("Mo-Fr 09:00-18:00; PH -1 day 09:00-14:00", "2026-12-24T15:00+01:00", OpeningState.Closed)]
    [InlineData("Apr: 08:00-12:00", "2026-04-14T09:00+02:00", OpeningState.Open)]
    [InlineData("Mo-Fr 9:00-17:00", "2026-11-23T09:30+01:00", OpeningState.Open)]
    [InlineData("sunrise-sunset", "2026-06-21T05:20+02:00", OpeningState.Closed)]  // sunrise in Brussels 05:29
    [InlineData("sunrise-sunset", "2026-06-21T05:35+02:00", OpeningState.Open)]
    [InlineData("SH Sa 10:00-12:00", "2026-04-11T11:00+02:00", OpeningState.Open)]  // Flemish Easter holidays
    [InlineData("SH Sa 10:00-12:00", "2026-04-25T11:00+02:00", OpeningState.Closed)]
    public void StateAt_agrees_with_opening_hours_js(string hours, string at, OpeningState expected) =>
        Assert.Equal(expected, OpeningHoursSchedule.Parse(hours).StateAt(At(at), OpeningHoursSchedule.Brussels));

    [Fact]
    [Trait("Issue", "17")]
    public void StateAndCommentAt_names_the_public_holiday_when_the_rule_has_no_comment() =>
        Assert.Equal((OpeningState.Open, "Kerstmis - Noël"), OpeningHoursSchedule.Parse("PH 10:00-12:00").StateAndCommentAt(At("2026-12-25T11:00+01:00")));

    [Fact]
    [Trait("Issue", "17")]
    public void Timeline_covers_the_window_without_gaps_with_closed_periods()
    {
        var schedule = OpeningHoursSchedule.Parse("Mo-Fr 09:00-17:00 || \"op afspraak\"");
        var from = At("2026-11-23T00:00+01:00");

        var timeline = schedule.Timeline(from, from.AddDays(1), OpeningHoursSchedule.Brussels);

        Assert.Equal(from, timeline[0].Start);
        Assert.Equal(from.AddDays(1), timeline[^1].End);
        Assert.All(timeline.Zip(timeline.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal([OpeningState.Unknown, OpeningState.Open, OpeningState.Unknown], timeline.Select(i => i.State));
    }

    [Fact]
    public void TwentyFourSeven_is_always_open_and_never_changes()
    {
        var schedule = OpeningHoursSchedule.Parse("24/7");
        var from = At("2026-03-28T00:00+01:00");
        Assert.True(schedule.IsOpenAt(At("2026-03-29T02:30Z")));
        Assert.Null(schedule.NextChange(from));
        var intervals = schedule.IntervalsBetween(from, from.AddDays(3));
        Assert.Equal([new OpeningInterval(from, from.AddDays(3), OpeningState.Open, null)], intervals);
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-12:00, We 14:00-16:00", "2026-11-25T10:00+01:00", true)]   // "," adds to Wednesday
    [InlineData("Mo-Fr 09:00-12:00, We 14:00-16:00", "2026-11-25T15:00+01:00", true)]
    [InlineData("Mo-Fr 09:00-12:00; We 14:00-16:00", "2026-11-25T10:00+01:00", false)]  // ";" replaces it
    [InlineData("Mo-Fr 09:00-17:00; We 12:00-13:00 off", "2026-11-25T12:30+01:00", false)]
    [InlineData("Mo-Fr 09:00-17:00; We 12:00-13:00 off", "2026-11-25T10:00+01:00", true)]
    [InlineData("Mo-Su 10:00-18:00; Dec 25,26 off", "2026-12-26T12:00+01:00", false)]
    [InlineData("Mo-Su 10:00-18:00; Dec 25,26 off", "2026-12-27T12:00+01:00", true)]
    [InlineData("Mo-Fr 09:00-17:00; Dec 24 10:00-14:00", "2026-12-24T15:00+01:00", false)]
    [InlineData("Mo-Fr 09:00-17:00; Dec 24 10:00-14:00", "2026-12-24T11:00+01:00", true)]
    [InlineData("Mo-Su 10:00-18:00; Dec 24-Jan 2 off", "2027-01-01T12:00+01:00", false)]
    [InlineData("Mo-Su 10:00-18:00; Dec 24-Jan 2 off", "2027-01-03T12:00+01:00", true)]
    [InlineData("Apr-Sep Mo-Fr 09:00-19:00; Oct-Mar Mo-Fr 09:00-17:00", "2026-07-22T18:00+02:00", true)]
    [InlineData("Apr-Sep Mo-Fr 09:00-19:00; Oct-Mar Mo-Fr 09:00-17:00", "2026-11-25T18:00+01:00", false)]
    [InlineData("Nov-Feb Sa 10:00-12:00", "2026-11-28T11:00+01:00", true)]
    [InlineData("Nov-Feb Sa 10:00-12:00", "2026-10-31T11:00+01:00", false)]
    [InlineData("Mo,We,Fr 10:00-12:00", "2026-11-24T11:00+01:00", false)]
    [InlineData("Mo,We,Fr 10:00-12:00", "2026-11-25T11:00+01:00", true)]
    [InlineData("Fr-Mo 10:00-12:00", "2026-11-29T11:00+01:00", true)]
    [InlineData("Fr-Mo 10:00-12:00", "2026-11-25T11:00+01:00", false)]
    [InlineData("Mo-Fr 08:00-12:00,13:00-17:30", "2026-11-24T12:30+01:00", false)]
    [InlineData("Mo-Fr 08:00-12:00,13:00-17:30", "2026-11-24T17:15+01:00", true)]
    [InlineData("Mo-Fr", "2026-11-24T03:00+01:00", true)]
    [InlineData("Sa[1,3] 14:00-17:00", "2026-11-21T15:00+01:00", true)]
    [InlineData("Sa[1-2] 14:00-17:00", "2026-11-21T15:00+01:00", false)]
    [InlineData("PH 10:00-12:00", "2026-11-11T11:00+01:00", true)]
    [InlineData("mo-fr 09:00-17:00;", "2026-11-24T10:00+01:00", true)]
    [InlineData("Mo-Fr 09:00-17:00 open \"ring the bell\"", "2026-11-24T10:00+01:00", true)]
    [InlineData("Mo-Fr 09:00-17:00, PH off", "2026-07-21T12:00+02:00", false)]  // "off" after "," still closes the day
    [InlineData("Mo-Fr 09:00-17:00, PH off", "2026-07-22T12:00+02:00", true)]
    [InlineData("Mo-Fr 09:00-17:00; Su,PH 10:00-12:00", "2026-07-21T15:00+02:00", false)]
    [InlineData("Mo-Fr 09:00-17:00; Su,PH 10:00-12:00", "2026-07-21T11:00+02:00", true)]
    [InlineData("off", "2026-11-24T10:00+01:00", false)]
    [InlineData("closed", "2026-11-24T10:00+01:00", false)]
    public void IsOpenAt_spec_examples(string hours, string at, bool open) => Assert.Equal(open, Open(hours, at));

    [Fact]
    public void StateAt_unknown_modifier_and_fallback_comment_are_unknown_not_open()
    {
        var zone = OpeningHoursSchedule.Brussels;
        var unknown = OpeningHoursSchedule.Parse("Sa 10:00-12:00 unknown");
        Assert.Equal(OpeningState.Unknown, unknown.StateAt(At("2026-11-28T11:00+01:00"), zone));
        Assert.False(unknown.IsOpenAt(At("2026-11-28T11:00+01:00")));

        var fallback = OpeningHoursSchedule.Parse("Mo-Fr 09:00-17:00 || \"by appointment\"");
        Assert.Equal(OpeningState.Unknown, fallback.StateAt(At("2026-11-28T11:00+01:00"), zone));
        Assert.Equal(OpeningState.Open, fallback.StateAt(At("2026-11-24T11:00+01:00"), zone));
        // opening_hours.js: the fallback applies wherever the rules before it do not say open, evenings included.
        Assert.Equal(OpeningState.Unknown, fallback.StateAt(At("2026-11-24T18:00+01:00"), zone));
    }

    [Fact]
    public void IntervalsBetween_a_week_gives_each_opening_in_utc_with_its_comment()
    {
        var schedule = OpeningHoursSchedule.Parse("Mo-Fr 09:00-17:00; Sa 10:00-12:00 open \"repair desk\"");
        var monday = At("2026-11-23T00:00+01:00");

        var intervals = schedule.IntervalsBetween(monday, monday.AddDays(7));

        Assert.Equal(6, intervals.Count);
        Assert.Equal(new OpeningInterval(At("2026-11-23T08:00Z"), At("2026-11-23T16:00Z"), OpeningState.Open, null), intervals[0]);
        Assert.Equal(new OpeningInterval(At("2026-11-28T09:00Z"), At("2026-11-28T11:00Z"), OpeningState.Open, "repair desk"), intervals[5]);
    }

    [Fact]
    public void IntervalsBetween_clips_to_the_window_and_includes_the_previous_days_span()
    {
        var schedule = OpeningHoursSchedule.Parse("Fr 22:00-02:00");

        var intervals = schedule.IntervalsBetween(At("2026-11-28T01:00+01:00"), At("2026-11-28T12:00+01:00"));

        Assert.Equal([new OpeningInterval(At("2026-11-28T01:00+01:00"), At("2026-11-28T02:00+01:00"), OpeningState.Open, null)], intervals);
    }

    [Theory]
    [InlineData("2026-11-24T10:00+01:00", "2026-11-24T12:00+01:00")]  // open: until the lunch break
    [InlineData("2026-11-24T12:30+01:00", "2026-11-24T13:00+01:00")]  // closed: until it reopens
    [InlineData("2026-11-27T18:00+01:00", "2026-11-30T08:00+01:00")]  // Friday evening: Monday morning
    public void NextChange_finds_the_next_opening_or_closing(string at, string expected) =>
        Assert.Equal(At(expected), OpeningHoursSchedule.Parse("Mo-Fr 08:00-12:00,13:00-17:30").NextChange(At(at)));

    [Fact]
    public void NextChange_reaches_a_yearly_date_months_ahead() =>
        Assert.Equal(At("2027-12-24T10:00+01:00"),
            OpeningHoursSchedule.Parse("Dec 24 10:00-12:00").NextChange(At("2026-12-24T13:00+01:00")));

    [Fact]
    public void NextChange_of_a_place_never_open_is_null() =>
        Assert.Null(OpeningHoursSchedule.Parse("off").NextChange(At("2026-11-24T10:00+01:00")));
}
