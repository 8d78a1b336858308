using MakerMap.Data.Places.OpeningHours;

namespace MakerMap.Data.Tests.Places.OpeningHours;

public sealed partial class OpeningHoursScheduleTests
{
    // Every hour of two weeks around Christmas 2026 (Belgian public holidays and Flemish school holidays).
    private static IEnumerable<DateTimeOffset> HoursAroundChristmas() =>
        Enumerable.Range(0, 14 * 24 * 2).Select(h => new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.FromHours(1)).AddMinutes(30 * h + 15));

    [Theory]
    [Trait("Issue", "17")]
    [InlineData("daily 10:00-18:00", "Mo-Su 10:00-18:00")]
    [InlineData("7/7 10:00-18:00", "Mo-Su 10:00-18:00")]
    [InlineData("7 days a week 10:00-18:00", "Mo-Su 10:00-18:00")]
    [InlineData("24 hours", "00:00-24:00")]
    [InlineData("always closed", "closed")]
    [InlineData("Mo 12:00 through 14:00", "Mo 12:00-14:00")]
    [InlineData("Mo 12:00 às 14:00", "Mo 12:00-14:00")]
    [InlineData("Mo 12:00→14:00", "Mo 12:00-14:00")]
    [InlineData("Mo 12:00-14：00", "Mo 12:00-14:00")]
    [InlineData("Mo 12°°-14:00", "Mo 12:00-14:00")]
    [InlineData("Mo ⁰⁰:³⁰-¹⁴:⁰⁹", "Mo 00:30-14:09")]
    [InlineData("Mo ₀₀₃₀-₁₄⁰⁹", "Mo 00:30-14:09")]
    [InlineData("12:01p.m.-12:59 p.m.", "12:01-12:59")]
    [InlineData("17:00 till late", "17:00+")]
    [InlineData("17:00 bis Open End", "17:00+")]
    [InlineData("public holidays", "PH")]
    [InlineData("day before public holiday", "PH -1 day")]
    [InlineData("school holidays Mo-Fr", "SH Mo-Fr")]
    [InlineData("SHWe", "SH We")]
    [InlineData("SH und an Sonn- und Feiertagen", "SH,PH,Su")]
    [InlineData("Mo & Th and weekends 10:00-12:00", "Mo,Th,Sa,Su 10:00-12:00")]
    [InlineData("Mo: geschlossen, Di: 14-18Uhr, Mi-Sa: 10-18Uhr", "Mo off, Tu 14:00-18:00, We-Sa 10:00-18:00")]
    [InlineData("mon., Tuesday, wed., Thursday. 12:00-20:00", "Mo,Tu,We,Th 12:00-20:00")]
    [InlineData("Montags bis sonntags", "Mo-Su")]
    [InlineData("Mo-So 08:00-22:00", "Mo-Su 08:00-22:00")]
    [InlineData("lunes,viernes 10:00-18:00", "Mo,Fr 10:00-18:00")]
    [InlineData("понедельник-пятница 09:00-17:00", "Mo-Fr 09:00-17:00")]
    [InlineData("月曜日-金曜日 09:00-17:00", "Mo-Fr 09:00-17:00")]
    [InlineData("janvier 10:00-18:00", "Jan 10:00-18:00")]
    [InlineData("Dec 24.-25. 10:00-12:00", "Dec 24-25 10:00-12:00")]
    [InlineData("Mo-Fr 13:00-17:00 open nach_vereinbarung", "Mo-Fr 13:00-17:00 open \"Nach Vereinbarung\"")]
    [InlineData("«testing»", "\"testing\"")]
    [InlineData("12:00-14:00 оff", "12:00-14:00 off")]
    public void Parse_tolerated_spellings_mean_what_the_syntax_says_with_a_warning(string tolerated, string canonical)
    {
        var schedule = OpeningHoursSchedule.Parse(tolerated);
        var expected = OpeningHoursSchedule.Parse(canonical);

        Assert.NotEmpty(schedule.Warnings);
        Assert.All(HoursAroundChristmas(), at => Assert.Equal(expected.StateAndCommentAt(at), schedule.StateAndCommentAt(at)));
    }

    [Theory]
    [Trait("Issue", "17")]
    [InlineData("listopad 12:00-18:00", 0)]   // November in Czech and Polish, October in Croatian
    [InlineData("Mo-Tr 17:00-20:00", 3)]      // "Tr" abbreviates Wednesday only in Lithuanian
    [InlineData("spring We 11:00-14:00", 0)]  // a season has no agreed dates
    public void Parse_rejects_names_with_no_single_meaning_here(string value, int position)
    {
        Assert.False(OpeningHoursSchedule.TryParse(value, out _, out var error));
        Assert.Equal(position, error!.Position);
    }

    [Theory]
    [Trait("Issue", "17")]
    [InlineData("Jan We 10:00-12:00", "2027-01-06T10:30+01:00", true)]         // a Wednesday in January
    [InlineData("Jan We 10:00-12:00", "2027-01-07T10:30+01:00", false)]
    [InlineData("Jan We 10:00-12:00", "2027-02-03T10:30+01:00", false)]
    [InlineData("Dec 25-easter", "2026-12-26T12:00+01:00", true)]              // over New Year to Easter 2027 (28 March)
    [InlineData("Dec 25-easter", "2027-03-27T12:00+01:00", true)]
    [InlineData("Dec 25-easter", "2027-03-28T12:00+02:00", false)]             // Easter itself is not in the range
    [InlineData("Dec 25-easter", "2026-06-01T12:00+02:00", false)]
    [InlineData("Aug 02-Aug Mo[1]", "2026-08-03T12:00+02:00", true)]           // the first Monday of August 2026 is in it
    [InlineData("Aug 02-Aug Mo[1]", "2026-08-04T12:00+02:00", false)]
    [InlineData("Jan 31-Feb 01,Aug 00:00-24:00", "2026-08-15T12:00+02:00", true)]
    [InlineData("Jan 31-Feb 01,Aug 00:00-24:00", "2027-01-31T12:00+01:00", true)]
    [InlineData("Jan 31-Feb 01,Aug 00:00-24:00", "2027-03-01T12:00+01:00", false)]
    public void IsOpenAt_month_with_weekdays_and_date_ranges_ending_at_a_movable_date(string hours, string at, bool open) =>
        Assert.Equal(open, Open(hours, at));
}
