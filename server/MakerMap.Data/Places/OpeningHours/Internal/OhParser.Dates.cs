using System.Globalization;

namespace MakerMap.Data.Places.OpeningHours.Internal;

internal sealed partial class OhParser
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // year_range = year [ "-" year [ "/" n ] | "+" | "/" n ] { "," year_range }
    private int ParseYears(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (!MatchKinds(at, OhTokenKind.Year))
            {
                throw Match(at - 1, ',') ? Error(at - 1, "a year after \",\"") : Unexpected(at);
            }
            var from = Number(at);
            var to = from;
            var period = 1;
            if (Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Year))
            {
                to = Number(at + 2);
                if (to == from)
                {
                    throw Error(at, "a year range of more than one year (write the year alone)");
                }
                if (to < from)
                {
                    throw Error(at, "a year range in order (from before to)");
                }
                at += 2;
            }
            else if (Match(at + 1, '+'))
            {
                to = int.MaxValue;
                at++;
            }
            if (Match(at + 1, '/') && MatchKinds(at + 2, OhTokenKind.Number))
            {
                period = Number(at + 2);
                if (period == 0)
                {
                    throw Error(at + 2, "a period above zero");
                }
                if (period == 1)
                {
                    Warn(at + 2, "Please don’t use year ranges with period equals one.");
                }
                if (to == from)
                {
                    to = int.MaxValue;
                }
                at += 2;
            }
            var (f, t, p) = (from, to, period);
            _rule.Year.Add((DateOnly d, ref string? _) => d.Year >= f && d.Year <= t && (d.Year - f) % p == 0);
            at++;
            if (!Match(at, ','))
            {
                break;
            }
        }
        return at;
    }

    // month_range = month [ "-" month ] { "," month_range }
    private int ParseMonths(int at, bool toMonthday = false)
    {
        var firstOfList = _rule.Month.Count;
        for (; at < _tokens.Count; at++)
        {
            if (MatchKinds(at, OhTokenKind.Month, OhTokenKind.Number) && !IsTime(at + 1))
            {
                // "Aug,Jan 31-Feb 01": months listed with dates are alternatives to them (one selector group).
                _rule.Monthday.AddRange(_rule.Month.Skip(firstOfList));
                _rule.Month.RemoveRange(firstOfList, _rule.Month.Count - firstOfList);
                return ParseMonthdays(at);
            }
            if (!MatchKinds(at, OhTokenKind.Month))
            {
                throw Match(at - 1, ',') ? Error(at - 1, "a month after \",\"") : Unexpected(at);
            }
            var from = Number(at) + 1;
            var to = from;
            if (Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Month))
            {
                to = Number(at + 2) + 1;
                at += 2;
            }
            var (f, t) = (from, to);
            (toMonthday ? _rule.Monthday : _rule.Month).Add(f <= t
                ? (DateOnly d, ref string? _) => d.Month >= f && d.Month <= t
                : (DateOnly d, ref string? _) => d.Month >= f || d.Month <= t);
            at++;
            if (!Match(at, ','))
            {
                break;
            }
        }
        return at;
    }

    // week_range = "week" week [ "-" week [ "/" n ] ] { "," week [ "-" week [ "/" n ] ] }  (ISO 8601 weeks)
    private int ParseWeeks(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (MatchKinds(at, OhTokenKind.Week))
            {
                at++;
            }
            if (!MatchKinds(at, OhTokenKind.Number))
            {
                throw Error(at, "a week number (1..53)");
            }
            var from = Number(at);
            var isRange = Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Number);
            var to = isRange ? Number(at + 2) : from;
            if (from > to)
            {
                throw Error(at + 2, "a week range in order (from before to)");
            }
            if (from < 1)
            {
                throw Error(at, "a week number from 1");
            }
            if (to > 53)
            {
                throw Error(isRange ? at + 2 : at, "a week number up to 53");
            }
            var period = 0;
            if (isRange && Match(at + 3, '/') && MatchKinds(at + 4, OhTokenKind.Number))
            {
                period = Number(at + 4);
                if (period < 2 || period > 26)
                {
                    throw Error(at + 4, "a week period from 2 to 26");
                }
            }
            var (f, t, p) = (from, to, period);
            _rule.Week.Add((DateOnly d, ref string? _) =>
            {
                var week = ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue));
                return week >= f && week <= t && (p == 0 || (week - f) % p == 0);
            });
            at += 1 + (isRange ? 2 : 0) + (period > 0 ? 2 : 0);
            if (!Match(at, ','))
            {
                break;
            }
        }
        return at;
    }

    // monthday_range = [year] date [ "-" [year] date ] | [year] month day [ "-" day [ "/" n ] ] { "," day ... }
    // date = month day | month weekday "[" n "]" [day_offset] | "easter" [day_offset]
    private int ParseMonthdays(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            var hasYear = MatchKinds(at, OhTokenKind.Year);
            var p = at + (hasYear ? 1 : 0);
            int? year = hasYear ? Number(at) : null;
            if (IsMovableDate(p))
            {
                at = ParseMovableRange(at, year, p);
            }
            else if (MatchKinds(p, OhTokenKind.Month, OhTokenKind.Number))
            {
                var month = Number(p) + 1;
                var day = Number(p + 1);
                CheckDate(month, day, p + 1);
                if (Match(p + 2, '-') && IsMovableDate(p + 3))
                {
                    // Dec 25-easter, Jan 20-Jan Su[-1]: a fixed date to a movable one. As in opening_hours.js, a range that
                    // ends at Easter stops the day before it, one that ends at a month's nth weekday includes that day.
                    var (movable, next) = ParseMovableDate(p + 3);
                    var to = MatchKinds(p + 3, OhTokenKind.Event) ? y => movable(y)?.AddDays(-1) : movable;
                    var fixedYear = year;
                    _rule.Monthday.Add((DateOnly d, ref string? _) => InMovableRange(d,
                        y => new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month))), to, fixedYear, fixedYear));
                    at = next;
                }
                else if (Match(p + 2, '-') && (MatchKinds(p + 3, OhTokenKind.Month, OhTokenKind.Number)
                    || MatchKinds(p + 3, OhTokenKind.Year, OhTokenKind.Month, OhTokenKind.Number)))
                {
                    // Jan 10-Feb 20, 2013 Dec 31-2014 Jan 02
                    var toYearPresent = MatchKinds(p + 3, OhTokenKind.Year);
                    var q = p + 3 + (toYearPresent ? 1 : 0);
                    int? toYear = toYearPresent ? Number(p + 3) : null;
                    var toMonth = Number(q) + 1;
                    var toDay = Number(q + 1);
                    CheckDate(toMonth, toDay, q + 1);
                    AddDateRange(year, month, day, toYear ?? (year is null ? null : year), toMonth, toDay, 1);
                    at = q + 2;
                }
                else
                {
                    // Jan 23-31/3, Jan 23, Jan 01,15
                    at = p + 1;
                    while (true)
                    {
                        var from = Number(at);
                        var to = from;
                        var period = 1;
                        CheckDate(month, from, at);
                        if (Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Number) && !MatchKinds(at + 3, OhTokenKind.TimeSeparator))
                        {
                            to = Number(at + 2);
                            CheckDate(month, to, at + 2);
                            if (to < from)
                            {
                                throw Error(at, "a day range in order (from day before to day)");
                            }
                            at += 2;
                            if (Match(at + 1, '/') && MatchKinds(at + 2, OhTokenKind.Number))
                            {
                                period = Number(at + 2);
                                if (period == 0)
                                {
                                    throw Error(at + 2, "a period above zero");
                                }
                                if (period == 1)
                                {
                                    Warn(at + 2, "Please don’t use day ranges with period equals one.");
                                }
                                at += 2;
                            }
                        }
                        AddDateRange(year, month, from, year, month, to, period);
                        at++;
                        if (!(Match(at, ',') && MatchKinds(at + 1, OhTokenKind.Number) && !MatchKinds(at + 2, OhTokenKind.TimeSeparator)))
                        {
                            break;
                        }
                        at++;
                    }
                }
            }
            else
            {
                throw Unexpected(at);
            }
            if (!(Match(at, ',') && (MatchKinds(at + 1, OhTokenKind.Month) || MatchKinds(at + 1, OhTokenKind.Year)
                || MatchKinds(at + 1, OhTokenKind.Event))))
            {
                break;
            }
            if (MatchKinds(at + 1, OhTokenKind.Month) && ((!MatchKinds(at + 2, OhTokenKind.Number) && !IsMovableDate(at + 1))
                || IsTime(at + 2)))
            {
                // "Dec 25,Jan" and "Jan 31-Feb 01,Aug 00:00-24:00" continue with a month range
                return ParseMonths(at + 1, toMonthday: true);
            }
        }
        return at;
    }

    private void CheckDate(int month, int day, int at)
    {
        if (day is < 1 or > 31)
        {
            throw Error(at, $"a day of {MonthNames[month - 1]} from 1 to 31");
        }
        if (month is 4 or 6 or 9 or 11 && day == 31)
        {
            throw Error(at, $"a day of {MonthNames[month - 1]} up to 30 (it has 30 days)");
        }
        if (month == 2 && day > 29)
        {
            throw Error(at, "a day of Feb up to 29");
        }
    }

    private void AddDateRange(int? fromYear, int fromMonth, int fromDay, int? toYear, int toMonth, int toDay, int period)
    {
        var from = (fromMonth * 100) + fromDay;
        var to = (toMonth * 100) + toDay;
        if (fromYear is { } fy)
        {
            var ty = toYear ?? fy;
            var start = new DateOnly(fy, fromMonth, Math.Min(fromDay, DateTime.DaysInMonth(fy, fromMonth)));
            var endYear = ty < fy || (ty == fy && to < from) ? fy + 1 : ty;
            var end = new DateOnly(endYear, toMonth, Math.Min(toDay, DateTime.DaysInMonth(endYear, toMonth)));
            _rule.Monthday.Add((DateOnly d, ref string? _) => d >= start && d <= end && (d.DayNumber - start.DayNumber) % period == 0);
            return;
        }
        _rule.Monthday.Add((DateOnly d, ref string? _) =>
        {
            var value = (d.Month * 100) + d.Day;
            if (from <= to)
            {
                return value >= from && value <= to && (period == 1 || (d.Day - fromDay) % period == 0);
            }
            return value >= from || value <= to;
        });
    }

    // easter [offset] [ "-" ( easter [offset] | month day ) ], month weekday "[" n "]" [offset] [ "-" ... ]
    private int ParseMovableRange(int at, int? year, int p)
    {
        var (from, next) = ParseMovableDate(p);
        Func<int, DateOnly?> to = from;
        if (Match(next, '-'))
        {
            var q = next + 1;
            int? toYear = null;
            if (MatchKinds(q, OhTokenKind.Year))
            {
                toYear = Number(q);
                q++;
            }
            if (MatchKinds(q, OhTokenKind.Month, OhTokenKind.Number))
            {
                var month = Number(q) + 1;
                var day = Number(q + 1);
                CheckDate(month, day, q + 1);
                to = y => new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
                next = q + 2;
            }
            else if (MatchKinds(q, OhTokenKind.Event) || MatchKinds(q, OhTokenKind.Month, OhTokenKind.Weekday))
            {
                (to, next) = ParseMovableDate(q);
            }
            else
            {
                throw Error(q, "a date after \"-\"");
            }
            var (fy, ty) = (year, toYear ?? year);
            _rule.Monthday.Add((DateOnly d, ref string? _) => InMovableRange(d, from, to, fy, ty));
            return next;
        }
        var fixedYear = year;
        _rule.Monthday.Add((DateOnly d, ref string? _) => (fixedYear is null || fixedYear == d.Year) && from(d.Year) == d);
        return next;
    }

    private static bool InMovableRange(DateOnly d, Func<int, DateOnly?> from, Func<int, DateOnly?> to, int? fromYear, int? toYear)
    {
        if (fromYear is { } fy)
        {
            return from(fy) is { } start && to(toYear ?? fy) is { } end && d >= start && d <= end;
        }
        // Without years the range is yearly: this year's dates, wrapping over New Year when it ends before it starts
        // ("easter - Apr 02" in a year Easter falls after 2 April).
        if (from(d.Year) is not { } s || to(d.Year) is not { } e)
        {
            return false;
        }
        return s <= e ? d >= s && d <= e : d >= s || d <= e;
    }

    // "00:00-24:00" after a month is a time, "02: 18:00" is a day and a colon.
    private bool IsTime(int p) => MatchKinds(p, OhTokenKind.Number, OhTokenKind.TimeSeparator, OhTokenKind.Number) && !MatchKinds(p + 3, OhTokenKind.TimeSeparator);

    // easter, or a month's nth weekday: Jan Su[-1]
    private bool IsMovableDate(int p) =>
        MatchKinds(p, OhTokenKind.Event) || (MatchKinds(p, OhTokenKind.Month, OhTokenKind.Weekday) && Match(p + 2, '['));

    private (Func<int, DateOnly?> Date, int Next) ParseMovableDate(int p)
    {
        if (MatchKinds(p, OhTokenKind.Event))
        {
            var (offset, next) = ParseDayOffset(p + 1);
            if (Math.Abs(offset) > 200)
            {
                // As opening_hours.js: further than that is another season, better written as a date.
                throw Error(p + 3, "an offset of at most 200 days from easter");
            }
            return (y => BelgianPublicHolidays.EasterSunday(y).AddDays(offset), next);
        }
        var month = Number(p) + 1;
        var weekday = Number(p + 1);
        if (!Match(p + 2, '[') || !(MatchKinds(p + 3, OhTokenKind.Number) || (Match(p + 3, '-') && MatchKinds(p + 4, OhTokenKind.Number))))
        {
            throw Error(p + 2, "\"[\" and a number from -5 to 5");
        }
        var negative = Match(p + 3, '-');
        var nth = negative ? -Number(p + 4) : Number(p + 3);
        var close = p + (negative ? 5 : 4);
        if (nth is 0 or < -5 or > 5)
        {
            throw Error(close - 1, "a number from -5 to 5");
        }
        if (!Match(close, ']'))
        {
            throw Error(close, "\"]\"");
        }
        var (days, after) = ParseDayOffset(close + 1);
        if (Math.Abs(days) > 6)
        {
            throw Error(close + 3, "an offset of at most 6 days from a constrained weekday");
        }
        return (y => NthWeekday(y, month, weekday, nth)?.AddDays(days), after);
    }

    // day_offset = ( "+" | "-" ) n ( "day" | "days" )
    private (int Days, int Next) ParseDayOffset(int at)
    {
        if ((Match(at, '+') || Match(at, '-')) && MatchKinds(at + 1, OhTokenKind.Number, OhTokenKind.CalcDay))
        {
            var days = Number(at + 1);
            if ((days == 1) != (_tokens[at + 2].Value == 1))
            {
                Warn(at + 2, days == 1 ? "Please use \"day\" for one day." : "Please use \"days\" for more than one day.");
            }
            return (Match(at, '+') ? days : -days, at + 3);
        }
        return (0, at);
    }

    /// <summary>The <paramref name="nth"/> (1..5, or -1..-5 from the end) <paramref name="weekday"/> (0 = Sunday) of a month, or null.</summary>
    internal static DateOnly? NthWeekday(int year, int month, int weekday, int nth)
    {
        if (nth > 0)
        {
            var first = new DateOnly(year, month, 1);
            var day = first.AddDays(((weekday - (int)first.DayOfWeek) + 7) % 7 + ((nth - 1) * 7));
            return day.Month == month ? day : null;
        }
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = last.AddDays(-((((int)last.DayOfWeek - weekday) + 7) % 7) + ((nth + 1) * 7));
        return back.Month == month ? back : null;
    }
}
