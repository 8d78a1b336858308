namespace MakerMap.Data.Places.OpeningHours.Internal;

internal sealed partial class OhParser
{
    // weekday_selector = weekday_range { "," ( weekday_range | holiday ) };
    // weekday_range = wd [ "-" wd ] | wd "[" nth { "," nth } "]" [ day_offset ]
    private int ParseWeekdays(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (MatchKinds(at, OhTokenKind.Weekday) && Match(at + 1, '['))
            {
                var weekday = Number(at);
                var numbers = new List<int>();
                var p = at + 2;
                while (true)
                {
                    var negative = Match(p, '-');
                    if (!MatchKinds(p + (negative ? 1 : 0), OhTokenKind.Number))
                    {
                        throw Error(p, "a number from -5 to 5 inside \"[]\"");
                    }
                    var from = negative ? -Number(p + 1) : Number(p);
                    p += negative ? 2 : 1;
                    var to = from;
                    if (!negative && Match(p, '-') && MatchKinds(p + 1, OhTokenKind.Number))
                    {
                        to = Number(p + 1);
                        if (to < from)
                        {
                            throw Error(p + 1, "a range of numbers in order");
                        }
                        p += 2;
                    }
                    for (var n = from; n <= to; n++)
                    {
                        if (n is 0 or < -5 or > 5)
                        {
                            throw Error(p - 1, "a number from -5 to 5");
                        }
                        numbers.Add(n);
                    }
                    if (!Match(p, ','))
                    {
                        break;
                    }
                    p++;
                }
                if (!Match(p, ']'))
                {
                    throw Error(p, "\"]\" or more numbers");
                }
                var (days, next) = ParseDayOffset(p + 1);
                if (Math.Abs(days) > 6)
                {
                    throw Error(p + 3, "an offset of at most 6 days from a constrained weekday (a week is Mo[2] and Mo[3])");
                }
                foreach (var n in numbers)
                {
                    var (wd, nth, offset) = (weekday, n, days);
                    _rule.Weekday.Add((DateOnly d, ref string? _) => IsNthWeekday(d, wd, nth, offset));
                }
                _rule.IsWeekly = false;
                at = next;
            }
            else if (MatchKinds(at, OhTokenKind.Weekday))
            {
                var isRange = Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Weekday);
                var from = Number(at);
                var to = isRange ? Number(at + 2) : from;
                var inside = true;
                if (to < from)
                {
                    // Fr-Mo wraps over the week's end: everything outside Tu-Th.
                    (from, to, inside) = (to + 1, from - 1, false);
                }
                if (to < from)
                {
                    _rule.Weekday.Add((DateOnly _, ref string? _) => true);
                }
                else
                {
                    var (f, t, i) = (from, to, inside);
                    _rule.Weekday.Add((DateOnly d, ref string? _) =>
                    {
                        var day = (int)d.DayOfWeek;
                        return day < f || day > t ? !i : i;
                    });
                }
                at += isRange ? 3 : 1;
            }
            else if (MatchKinds(at, OhTokenKind.Holiday))
            {
                _rule.IsWeekly = false;
                return ParseHolidays(at, pushToWeekday: true);
            }
            else
            {
                throw Match(at - 1, ',') ? Error(at - 1, "a weekday or holiday after \",\" (an additional rule here makes no sense)") : Unexpected(at);
            }
            if (!Match(at, ','))
            {
                break;
            }
        }
        return at;
    }

    // holiday_selector = ( "PH" | "SH" ) [ day_offset ] { "," ( holiday | weekday_range ) }
    private int ParseHolidays(int at, bool pushToWeekday)
    {
        var target = pushToWeekday ? _rule.Weekday : _rule.Holiday;
        while (at < _tokens.Count)
        {
            if (MatchKinds(at, OhTokenKind.Holiday))
            {
                var school = _tokens[at].Value == 1;
                var (days, next) = ParseDayOffset(at + 1);
                if (Math.Abs(days) > 1 && !school)
                {
                    throw Error(at + 2, "a public holiday offset of one day (PH +1 day or PH -1 day)");
                }
                if (school)
                {
                    target.Add((DateOnly d, ref string? name) => (name = FlemishSchoolHolidays.NameOf(d.AddDays(-days))) is not null);
                }
                else
                {
                    var prefix = days switch { 1 => "Day after ", -1 => "Day before ", _ => "" };
                    target.Add((DateOnly d, ref string? name) =>
                        BelgianPublicHolidays.NameOf(d.AddDays(-days)) is { } holiday && (name = prefix + holiday) is not null);
                }
                at = next;
            }
            else if (MatchKinds(at, OhTokenKind.Weekday))
            {
                return ParseWeekdays(at);
            }
            else
            {
                throw Match(at - 1, ',') ? Error(at - 1, "a weekday or holiday after \",\" (an additional rule here makes no sense)") : Unexpected(at);
            }
            if (!Match(at, ','))
            {
                break;
            }
            at++;
        }
        return at;
    }

    // The nth weekday of the date's month moved by offset days; a moved day may fall in the next or previous month.
    private static bool IsNthWeekday(DateOnly d, int weekday, int nth, int offset)
    {
        for (var shift = -1; shift <= 1; shift++)
        {
            if (offset == 0 && shift != 0)
            {
                continue;
            }
            var month = new DateOnly(d.Year, d.Month, 1).AddMonths(shift);
            if (NthWeekday(month.Year, month.Month, weekday, nth) is { } target && target.AddDays(offset) == d)
            {
                return true;
            }
        }
        return false;
    }
}
