namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// School holidays of the Flemish Community (what <c>SH</c> means here), 2019/2020 to 2029, as opening_hours.js 3.15
/// has them from the OpenHolidays API; a date outside the listed school years is no school holiday.
/// </summary>
public static class FlemishSchoolHolidays
{
    // (name, first year, [from month, from day, to month, to day] per year); a period may end in the next year.
    private static readonly (string Name, int FirstYear, int[][] Periods)[] Holidays =
    [
        ("Kerstvakantie", 2019, [[12, 23, 1, 5], [12, 21, 1, 3], [12, 24, 1, 9], [12, 26, 1, 8], [12, 25, 1, 7], [12, 23, 1, 5], [12, 22, 1, 4], [12, 21, 1, 3], [12, 27, 1, 9], [12, 25, 1, 7]]),
        ("Krokusvakantie", 2020, [[2, 24, 3, 1], [2, 15, 2, 21], [2, 28, 3, 6], [2, 20, 2, 26], [2, 12, 2, 18], [3, 3, 3, 9], [2, 16, 2, 22], [2, 8, 2, 14], [2, 28, 3, 5], [2, 12, 2, 18]]),
        ("Paasvakantie", 2020, [[4, 6, 4, 19], [4, 5, 4, 18], [4, 4, 4, 18], [4, 3, 4, 16], [4, 1, 4, 14], [4, 7, 4, 21], [4, 6, 4, 19], [3, 29, 4, 11], [4, 3, 4, 17], [4, 2, 4, 15]]),
        ("Zomervakantie", 2020, [[7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31], [7, 1, 8, 31]]),
        ("Herfstvakantie", 2020, [[11, 2, 11, 15], [11, 1, 11, 7], [10, 31, 11, 6], [10, 30, 11, 5], [10, 28, 11, 3], [10, 27, 11, 2], [11, 2, 11, 8], [11, 1, 11, 7], [10, 30, 11, 5]]),
    ];

    /// <summary>The name of the school holiday <paramref name="date"/> falls in, or null.</summary>
    public static string? NameOf(DateOnly date)
    {
        foreach (var (name, firstYear, periods) in Holidays)
        {
            foreach (var year in (ReadOnlySpan<int>)[date.Year, date.Year - 1])
            {
                var index = year - firstYear;
                if (index < 0 || index >= periods.Length)
                {
                    continue;
                }
                var p = periods[index];
                var from = new DateOnly(year, p[0], p[1]);
                var to = new DateOnly(p[2] < p[0] ? year + 1 : year, p[2], p[3]);
                if (date >= from && date <= to)
                {
                    return name;
                }
            }
        }
        return null;
    }
}
