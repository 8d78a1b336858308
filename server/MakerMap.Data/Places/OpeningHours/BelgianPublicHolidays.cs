namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// Belgium's ten legal public holidays (what <c>PH</c> means here): New Year, Easter Monday, Labour Day,
/// Ascension, Whit Monday, the National Day (21 July), Assumption, All Saints, Armistice and Christmas.
/// </summary>
public static class BelgianPublicHolidays
{
    /// <summary>Whether <paramref name="date"/> is a Belgian public holiday.</summary>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>
    /// The holiday's name in Dutch and French (<c>Kerstmis - Noël</c>), as opening_hours.js gives it as the comment of a
    /// <c>PH</c> rule without one; null when <paramref name="date"/> is no public holiday.
    /// </summary>
    public static string? NameOf(DateOnly date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1): return "Nieuwjaar - Nouvel An";
            case (5, 1): return "Dag van de Arbeid - Fête du travail";
            case (7, 21): return "Nationale feestdag - Fête nationale";
            case (8, 15): return "Tenhemelopneming - Assomption";
            case (11, 1): return "Allerheiligen - Toussaint";
            case (11, 11): return "Wapenstilstand - Armistice";
            case (12, 25): return "Kerstmis - Noël";
        }
        // Easter Monday, Ascension (Easter + 39) and Whit Monday (Easter + 50)
        return (date.DayNumber - EasterSunday(date.Year).DayNumber) switch
        {
            1 => "Paasmaandag - Lundi de Pâques",
            39 => "Hemelvaartsdag - Ascension",
            50 => "Pinkstermaandag - Lundi de Pentecôte",
            _ => null,
        };
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
