using MakerMap.Data.Places.OpeningHours;

namespace MakerMap.Data.Tests.Places.OpeningHours;

public sealed partial class OpeningHoursScheduleTests
{
    [Fact]
    public void IntervalsBetween_spring_forward_night_is_an_hour_shorter()
    {
        // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST.
        var schedule = OpeningHoursSchedule.Parse("Su 01:00-04:00");

        var intervals = schedule.IntervalsBetween(At("2026-03-29T00:00+01:00"), At("2026-03-30T00:00+02:00"));

        var only = Assert.Single(intervals);
        Assert.Equal(At("2026-03-29T00:00Z"), only.Start);
        Assert.Equal(At("2026-03-29T02:00Z"), only.End);
    }

    [Fact]
    public void IntervalsBetween_fall_back_night_is_an_hour_longer()
    {
        // 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET.
        var schedule = OpeningHoursSchedule.Parse("Su 01:00-04:00");

        var intervals = schedule.IntervalsBetween(At("2026-10-25T00:00+02:00"), At("2026-10-26T00:00+01:00"));

        var only = Assert.Single(intervals);
        Assert.Equal(At("2026-10-24T23:00Z"), only.Start);
        Assert.Equal(At("2026-10-25T03:00Z"), only.End);
        Assert.Equal(TimeSpan.FromHours(4), only.End - only.Start);
    }

    [Theory]
    [InlineData("2026-03-29T07:00Z", true)]   // 09:00 CEST
    [InlineData("2026-03-29T07:59Z", true)]
    [InlineData("2026-03-29T06:59Z", false)]  // 08:59 CEST
    [InlineData("2026-10-25T08:00Z", true)]   // 09:00 CET
    [InlineData("2026-10-25T07:59Z", false)]  // 08:59 CET
    [InlineData("2026-10-25T15:59Z", true)]   // 16:59 CET
    [InlineData("2026-10-25T16:00Z", false)]
    public void IsOpenAt_uses_brussels_wall_clock_on_dst_days(string at, bool open) =>
        Assert.Equal(open, Open("Su 09:00-17:00", at));

    [Fact]
    public void IsOpenAt_in_another_zone_reads_that_zones_wall_clock()
    {
        var schedule = OpeningHoursSchedule.Parse("Mo-Fr 09:00-17:00");
        var utc = TimeZoneInfo.Utc;

        Assert.True(schedule.IsOpenAt(At("2026-11-24T16:30Z"), utc));
        Assert.False(schedule.IsOpenAt(At("2026-11-24T16:30Z")));  // 17:30 in Brussels
    }

    [Fact]
    public void Weekly_lists_the_regular_week_and_the_exceptions_as_written()
    {
        var weekly = OpeningHoursSchedule.Parse("Mo-Fr 08:00-12:00,13:00-17:30; Sa 10:00-12:00; Fr 22:00-02:00; PH off; Sa[2] 14:00-17:00").Weekly;

        Assert.Equal(["08:00-12:00", "13:00-17:30"], weekly[DayOfWeek.Monday].Select(r => r.ToString()));
        // The Fr rule replaces Friday's 08:00-17:30; its hours past midnight belong to Saturday and, coming after
        // the Sa rule, add to it (opening_hours.js).
        Assert.Equal(["22:00-24:00"], weekly[DayOfWeek.Friday].Select(r => r.ToString()));
        Assert.True(weekly[DayOfWeek.Friday][0].EndsNextDay);
        Assert.Equal(["00:00-02:00", "10:00-12:00"], weekly[DayOfWeek.Saturday].Select(r => r.ToString()));
        Assert.Empty(weekly[DayOfWeek.Sunday]);
        Assert.Equal(["PH off", "Sa[2] 14:00-17:00"], weekly.Exceptions);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_matches_the_gregorian_computus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BelgianPublicHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-04-06", true)]   // Easter Monday
    [InlineData("2026-05-01", true)]
    [InlineData("2026-05-14", true)]   // Ascension
    [InlineData("2026-05-25", true)]   // Whit Monday
    [InlineData("2026-07-21", true)]
    [InlineData("2026-08-15", true)]
    [InlineData("2026-11-01", true)]
    [InlineData("2026-11-11", true)]
    [InlineData("2026-12-25", true)]
    [InlineData("2025-04-21", true)]
    [InlineData("2027-03-29", true)]
    [InlineData("2026-04-05", false)]  // Easter Sunday itself is not among the ten
    [InlineData("2026-12-26", false)]
    [InlineData("2026-07-20", false)]
    public void IsHoliday_knows_the_ten_belgian_public_holidays(string date, bool holiday) =>
        Assert.Equal(holiday, BelgianPublicHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
