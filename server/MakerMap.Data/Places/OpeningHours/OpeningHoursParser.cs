using System.Diagnostics.CodeAnalysis;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// A recursive-descent parser for the common subset of the OpenStreetMap <c>opening_hours</c> syntax
/// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification). Names of weekdays, months and
/// modifiers are matched case-insensitively because real-world data often writes <c>mo-fr</c>.
/// </summary>
internal sealed class OpeningHoursParser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Weekdays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private const string RuleStartExpected = "a rule (weekdays, months, a time like 09:00, 24/7, off, or a comment)";

    private readonly string _text;
    private int _pos;

    private OpeningHoursParser(string text) => _text = text;

    /// <summary>The rules of <paramref name="text"/>, or null with <paramref name="error"/> set.</summary>
    public static List<OpeningHoursRule>? Parse(string text, out OpeningHoursError? error)
    {
        try
        {
            error = null;
            return new OpeningHoursParser(text).ParseRules();
        }
        catch (SyntaxException e)
        {
            error = e.Error;
            return null;
        }
    }

    // rule_sequence ( (";" | "," | "||") rule_sequence )*   (a trailing ";" is tolerated)
    private List<OpeningHoursRule> ParseRules()
    {
        var rules = new List<OpeningHoursRule>();
        var kind = RuleKind.Normal;
        SkipSpaces();
        if (AtEnd)
        {
            Fail(RuleStartExpected);
        }
        while (true)
        {
            rules.Add(ParseRule(kind));
            SkipSpaces();
            if (AtEnd)
            {
                return rules;
            }
            if (Peek == ';')
            {
                _pos++;
                SkipSpaces();
                if (AtEnd)
                {
                    return rules;
                }
                kind = RuleKind.Normal;
            }
            else if (Peek == ',')
            {
                _pos++;
                kind = RuleKind.Additional;
            }
            else if (Peek == '|' && _pos + 1 < _text.Length && _text[_pos + 1] == '|')
            {
                _pos += 2;
                kind = RuleKind.Fallback;
            }
            else
            {
                Fail("\";\", \",\" or \"||\" between rules");
            }
        }
    }

    // rule = ( "24/7" | [date_selectors] [weekday_selectors] [time_spans] ) [modifier] [comment]
    private OpeningHoursRule ParseRule(RuleKind kind)
    {
        SkipSpaces();
        var start = _pos;
        DateRange[] dates = [];
        WeekdayRange[] weekdays = [];
        var holiday = false;
        (int, int)[] times = [];
        var selected = false;
        if (string.CompareOrdinal(_text, _pos, "24/7", 0, 4) == 0)
        {
            _pos += 4;
            times = [(0, 1440)];
            selected = true;
        }
        else
        {
            if (PeekName(Months) >= 0)
            {
                dates = ParseDates();
                selected = true;
                SkipSpaces();
            }
            if (PeekName(Weekdays) >= 0 || PeekWord("PH"))
            {
                weekdays = ParseWeekdays(out holiday);
                selected = true;
                SkipSpaces();
            }
            if (!AtEnd && char.IsAsciiDigit(Peek))
            {
                times = ParseTimes();
                selected = true;
            }
        }
        SkipSpaces();
        OpeningState? state = null;
        if (PeekWord("open"))
        {
            (state, _pos) = (OpeningState.Open, _pos + 4);
        }
        else if (PeekWord("closed"))
        {
            (state, _pos) = (OpeningState.Closed, _pos + 6);
        }
        else if (PeekWord("off"))
        {
            (state, _pos) = (OpeningState.Closed, _pos + 3);
        }
        else if (PeekWord("unknown"))
        {
            (state, _pos) = (OpeningState.Unknown, _pos + 7);
        }
        SkipSpaces();
        string? comment = null;
        if (!AtEnd && Peek == '"')
        {
            comment = ParseComment();
        }
        if (!selected && state is null && comment is null)
        {
            Fail(RuleStartExpected);
        }
        return new OpeningHoursRule
        {
            Kind = kind,
            Text = _text[start.._pos].Trim(),
            Dates = dates,
            Weekdays = weekdays,
            PublicHoliday = holiday,
            Times = times,
            // A rule that is only a comment ("by appointment") says nothing certain: unknown.
            State = state ?? (selected ? OpeningState.Open : OpeningState.Unknown),
            Comment = comment,
        };
    }

    // date_selectors = date_range ( "," date_range )* ;  date_range = Mon [ "-" Mon ] | Mon DD [ "-" ( DD | Mon DD ) ] ( "," DD ... )*
    private DateRange[] ParseDates()
    {
        var ranges = new List<DateRange>();
        do
        {
            var month = ExpectName(Months, "a month (Jan..Dec)") + 1;
            SkipSpaces();
            if (IsDayNumber())
            {
                do
                {
                    var day = ParseDay(month);
                    var to = day;
                    if (!AtEnd && Peek == '-')
                    {
                        _pos++;
                        if (PeekName(Months) >= 0)
                        {
                            var toMonth = ExpectName(Months, "a month (Jan..Dec)") + 1;
                            SkipSpaces();
                            to = ParseDay(toMonth);
                        }
                        else
                        {
                            to = ParseDay(month);
                        }
                    }
                    ranges.Add(new DateRange(day, to));
                }
                while (TryComma(char.IsAsciiDigit));
            }
            else if (!AtEnd && Peek == '-')
            {
                _pos++;
                var toMonth = ExpectName(Months, "a month (Jan..Dec)") + 1;
                ranges.Add(new DateRange((month * 32) + 1, (toMonth * 32) + 31));
            }
            else
            {
                ranges.Add(new DateRange((month * 32) + 1, (month * 32) + 31));
            }
        }
        while (TryComma(_ => PeekName(Months) >= 0));
        return [.. ranges];
    }

    // weekday_selectors = ( weekday_range | "PH" ) ( "," ( weekday_range | "PH" ) )* ; weekday_range = Wd [ "-" Wd ] [ "[" nth ( "," nth )* "]" ]
    private WeekdayRange[] ParseWeekdays(out bool holiday)
    {
        holiday = false;
        var ranges = new List<WeekdayRange>();
        do
        {
            if (PeekWord("PH"))
            {
                _pos += 2;
                holiday = true;
                continue;
            }
            var from = ExpectName(Weekdays, "a weekday (Mo..Su) or PH");
            var to = from;
            if (!AtEnd && Peek == '-')
            {
                _pos++;
                to = ExpectName(Weekdays, "a weekday (Mo..Su)");
            }
            var nth = 0;
            if (!AtEnd && Peek == '[')
            {
                _pos++;
                do
                {
                    var first = ParseNth();
                    var last = first;
                    if (!AtEnd && Peek == '-' && first > 0)
                    {
                        _pos++;
                        last = ParseNth();
                        if (last < first)
                        {
                            Fail("a number from " + first.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to 5");
                        }
                    }
                    for (var n = first; n <= last; n++)
                    {
                        nth |= n > 0 ? 1 << (n - 1) : 1 << (4 - n);
                    }
                }
                while (!AtEnd && Peek == ',' && ++_pos > 0);
                Expect(']', "\"]\"");
            }
            ranges.Add(new WeekdayRange(from, to, nth));
        }
        while (TryComma(_ => PeekName(Weekdays) >= 0 || PeekWord("PH")));
        return [.. ranges];
    }

    private int ParseNth()
    {
        var negative = !AtEnd && Peek == '-';
        if (negative)
        {
            _pos++;
        }
        if (AtEnd || Peek is < '1' or > '5')
        {
            Fail(negative ? "a number from 1 to 5 after \"-\"" : "a number from 1 to 5, or -1 to -5");
        }
        var value = _text[_pos++] - '0';
        return negative ? -value : value;
    }

    // time_spans = time "-" time ( "," time "-" time )*
    private (int, int)[] ParseTimes()
    {
        var spans = new List<(int, int)>(2);
        do
        {
            var from = ParseTime(allowPastMidnight: false);
            Expect('-', "\"-\" and an end time");
            var to = ParseTime(allowPastMidnight: true);
            // An end at or before the start runs past midnight (22:00-02:00 ends on the next day).
            spans.Add((from, to <= from ? to + 1440 : to));
        }
        while (TryComma(char.IsAsciiDigit));
        return [.. spans];
    }

    private int ParseTime(bool allowPastMidnight)
    {
        var start = _pos;
        if (_pos + 5 > _text.Length || !char.IsAsciiDigit(_text[_pos]) || !char.IsAsciiDigit(_text[_pos + 1])
            || _text[_pos + 2] != ':' || !char.IsAsciiDigit(_text[_pos + 3]) || !char.IsAsciiDigit(_text[_pos + 4]))
        {
            Fail("a time like 09:00");
        }
        var hours = ((_text[_pos] - '0') * 10) + (_text[_pos + 1] - '0');
        var minutes = ((_text[_pos + 3] - '0') * 10) + (_text[_pos + 4] - '0');
        var value = (hours * 60) + minutes;
        if (minutes > 59 || value > (allowPastMidnight ? 48 * 60 : 24 * 60))
        {
            Fail(allowPastMidnight ? "a time from 00:00 to 48:00" : "a time from 00:00 to 24:00");
        }
        _pos = start + 5;
        return value;
    }

    private int ParseDay(int month)
    {
        if (!IsDayNumber())
        {
            Fail("a day of the month (1..31)");
        }
        var start = _pos;
        var day = _text[_pos] - '0';
        _pos++;
        if (!AtEnd && char.IsAsciiDigit(Peek))
        {
            day = (day * 10) + (_text[_pos++] - '0');
        }
        if (day is < 1 or > 31)
        {
            _pos = start;
            Fail("a day of the month (1..31)");
        }
        return (month * 32) + day;
    }

    private string ParseComment()
    {
        var open = _pos++;
        var close = _text.IndexOf('"', _pos);
        if (close < 0)
        {
            _pos = _text.Length;
            Fail("a closing '\"' for the comment opened at position " + open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        _pos = close + 1;
        return _text[(open + 1)..close];
    }

    // A day number, not the hours of a time ("Dec 24" vs "Dec 10:00-12:00").
    private bool IsDayNumber() =>
        !AtEnd && char.IsAsciiDigit(Peek) && !(_pos + 2 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]) && _text[_pos + 2] == ':');

    // Consumes "," (and spaces) only when what follows continues the current list.
    private bool TryComma(Func<char, bool> continues)
    {
        var save = _pos;
        SkipSpaces();
        if (!AtEnd && Peek == ',')
        {
            _pos++;
            SkipSpaces();
            if (!AtEnd && continues(Peek))
            {
                return true;
            }
        }
        _pos = save;
        return false;
    }

    private int ExpectName(string[] names, string expected)
    {
        var index = PeekName(names);
        if (index < 0)
        {
            Fail(expected);
        }
        _pos += names[index].Length;
        return index;
    }

    private int PeekName(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (PeekWord(names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private bool PeekWord(string word) =>
        string.Compare(_text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && _pos + word.Length <= _text.Length
        && (_pos + word.Length == _text.Length || !char.IsAsciiLetter(_text[_pos + word.Length]));

    private void Expect(char c, string expected)
    {
        if (AtEnd || Peek != c)
        {
            Fail(expected);
        }
        _pos++;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek))
        {
            _pos++;
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _text[_pos];

    [DoesNotReturn]
    private void Fail(string expected)
    {
        string found;
        if (AtEnd)
        {
            found = "end of input";
        }
        else
        {
            var end = _pos;
            while (end < _text.Length && end - _pos < 12 && (end == _pos || !char.IsWhiteSpace(_text[end])))
            {
                end++;
            }
            found = "\"" + _text[_pos..end] + "\"";
        }
        throw new SyntaxException(new OpeningHoursError(_pos, expected, found));
    }

    private sealed class SyntaxException(OpeningHoursError error) : Exception(error.Message)
    {
        public OpeningHoursError Error { get; } = error;
    }
}
