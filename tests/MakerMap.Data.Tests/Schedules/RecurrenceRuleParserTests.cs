using MakerMap.Data.Schedules;

namespace MakerMap.Data.Tests.Schedules;

public sealed class RecurrenceRuleParserTests
{
    [Fact]
    public void Parse_monthly_ordinal_byday_reads_every_part()
    {
        var rule = RecurrenceRuleParser.Parse("RRULE:freq=MONTHLY;INTERVAL=2;BYDAY=2SA,-1FR;BYMONTH=1,6;COUNT=5;WKST=SU");

        Assert.Equal(RecurrenceFrequency.Monthly, rule.Frequency);
        Assert.Equal(2, rule.Interval);
        Assert.Equal(5, rule.Count);
        Assert.Equal([new WeekdayNum(2, DayOfWeek.Saturday), new WeekdayNum(-1, DayOfWeek.Friday)], rule.ByDay);
        Assert.Equal([1, 6], rule.ByMonth);
        Assert.Equal(DayOfWeek.Sunday, rule.WeekStart);
    }

    [Fact]
    public void Parse_defaults_interval_1_and_week_start_monday()
    {
        var rule = RecurrenceRuleParser.Parse("FREQ=WEEKLY");

        Assert.Equal(1, rule.Interval);
        Assert.Equal(DayOfWeek.Monday, rule.WeekStart);
        Assert.Null(rule.Count);
        Assert.Null(rule.Until);
    }

    [Fact]
    public void Parse_until_in_utc_keeps_the_utc_kind()
    {
        var rule = RecurrenceRuleParser.Parse("FREQ=DAILY;UNTIL=20270101T120000Z");

        Assert.Equal(new DateTime(2027, 1, 1, 12, 0, 0, DateTimeKind.Utc), rule.Until);
        Assert.Equal(DateTimeKind.Utc, rule.Until!.Value.Kind);
        Assert.False(rule.UntilIsDate);
    }

    [Theory]
    [InlineData("", "RRULE is empty.")]
    [InlineData("BYDAY=MO", "RRULE has no FREQ part.")]
    [InlineData("FREQ=HOURLY", "RRULE part 'FREQ=HOURLY' is not supported; FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.")]
    [InlineData("FREQ=DAILY;BYHOUR=9", "RRULE part 'BYHOUR=9' is not supported; use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS or WKST.")]
    [InlineData("FREQ=DAILY;COUNT", "RRULE part 'COUNT' must have the form NAME=VALUE.")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "RRULE part 'FREQ' appears more than once.")]
    [InlineData("FREQ=DAILY;INTERVAL=0", "RRULE part 'INTERVAL=0' must be a whole number from 1 to 1000.")]
    [InlineData("FREQ=DAILY;COUNT=-2", "RRULE part 'COUNT=-2' must be a whole number from 1 to 10000.")]
    [InlineData("FREQ=DAILY;COUNT=2;UNTIL=20270101", "RRULE must not have both COUNT and UNTIL.")]
    [InlineData("FREQ=DAILY;UNTIL=2027-01-01", "RRULE part 'UNTIL=2027-01-01' must be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, optionally ending in Z).")]
    [InlineData("FREQ=MONTHLY;BYDAY=2XX", "RRULE part 'BYDAY=2XX' has an invalid day '2XX'; use MO, TU, WE, TH, FR, SA or SU with an optional ordinal such as 2SA or -1FR.")]
    [InlineData("FREQ=MONTHLY;BYDAY=0SA", "RRULE part 'BYDAY=0SA' has an invalid day '0SA'; use MO, TU, WE, TH, FR, SA or SU with an optional ordinal such as 2SA or -1FR.")]
    [InlineData("FREQ=MONTHLY;BYDAY=SA,", "RRULE part 'BYDAY=SA,' has an invalid day ''; use MO, TU, WE, TH, FR, SA or SU with an optional ordinal such as 2SA or -1FR.")]
    [InlineData("FREQ=WEEKLY;BYDAY=2SA", "RRULE part 'BYDAY=2SA' has an ordinal ('2SA'), which is only allowed with FREQ=MONTHLY or FREQ=YEARLY.")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "RRULE part 'BYMONTHDAY=32' has an invalid day '32'; use 1 to 31 or -31 to -1.")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", "RRULE part 'BYMONTHDAY=1' is not allowed with FREQ=WEEKLY.")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "RRULE part 'BYMONTH=13' has an invalid month '13'; use 1 to 12.")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=1", "RRULE part 'BYSETPOS=1' needs a BYDAY, BYMONTHDAY or BYMONTH part to select from.")]
    [InlineData("FREQ=WEEKLY;WKST=XX", "RRULE part 'WKST=XX' must be a weekday: MO, TU, WE, TH, FR, SA or SU.")]
    public void Parse_bad_rule_reports_invalid_rrule_naming_the_part(string rrule, string message)
    {
        var error = Assert.Throws<DataValidationException>(() => RecurrenceRuleParser.Parse(rrule));

        Assert.Equal(message, error.Message);
        Assert.Equal("INVALID_RRULE", error.Code);
        Assert.Equal("rrule", error.Field);
    }
}
