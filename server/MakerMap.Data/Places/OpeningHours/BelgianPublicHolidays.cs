namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// Belgium's ten legal public holidays (what <c>PH</c> means here): New Year, Easter Monday, Labour Day,
/// Ascension, Whit Monday, the National Day (21 July), Assumption, All Saints, Armistice and Christmas.
/// </summary>
public static class BelgianPublicHolidays
{
    /// <summary>Whether <paramref name="date"/> is a Belgian public holiday.</summary>
    public static bool IsHoliday(DateOnly date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1) or (5, 1) or (7, 21) or (8, 15) or (11, 1) or (11, 11) or (12, 25):
                return true;
        }
        var easter = EasterSunday(date.Year);
        var days = date.DayNumber - easter.DayNumber;
        // Easter Monday, Ascension (Easter + 39) and Whit Monday (Easter + 50)
        return days is 1 or 39 or 50;
    }

    /// <summary>Easter Sunday (Gregorian) by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
