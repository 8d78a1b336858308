namespace MakerMap.Data.Places.OpeningHours.Internal;

internal sealed partial class OhParser
{
    private const int Day = 1440;

    // time_selector = timespan { "," timespan }; timespan = time "-" time ["+"] | time "+"; time = hh:mm | variable_time.
    // Returns the next index, or the index of an additional rule that follows a ",".
    private (int Next, int? Additional) ParseTimes(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            var normalFrom = MatchKinds(at, OhTokenKind.Number, OhTokenKind.TimeSeparator, OhTokenKind.Number);
            var calcFrom = Match(at, '(') && MatchKinds(at + 1, OhTokenKind.TimeVar);
            if (normalFrom || calcFrom || MatchKinds(at, OhTokenKind.TimeVar))
            {
                at = ParseTimeSpan(at, normalFrom, calcFrom);
            }
            else if (MatchKinds(at, OhTokenKind.Number) && Match(at + 1, '-') && MatchKinds(at + 2, OhTokenKind.Number))
            {
                // "Mo 09-18": hours only.
                var from = Number(at) * 60;
                var to = Number(at + 2) * 60;
                Warn(at, $"Time range without minutes specified. Not very explicit! Please use this syntax instead \"{Number(at):D2}:00-{Number(at + 2):D2}:00\".");
                if (from >= Day)
                {
                    throw Error(at, "a start time within the day (before 24:00)");
                }
                if (to < from)
                {
                    to += Day;
                }
                if (to > 2 * Day)
                {
                    throw Error(at + 2, "an end time before the second midnight (48:00)");
                }
                AddSpan(from, to, null, 0, null, 0, openEnd: false);
                at += 3;
            }
            else
            {
                if (Match(at, '('))
                {
                    throw Error(at, "a variable time (sunrise, sunset, dawn, dusk) after \"(\"");
                }
                if (MatchKinds(at, OhTokenKind.Number, OhTokenKind.TimeSeparator))
                {
                    throw Error(at + 1, "minutes after \":\"");
                }
                if (MatchKinds(at, OhTokenKind.Number))
                {
                    throw Error(at + 1, "\":\" between hours and minutes");
                }
                return (at, at);
            }
            if (!Match(at, ','))
            {
                break;
            }
        }
        return (at, null);
    }

    private int ParseTimeSpan(int at, bool normalFrom, bool calcFrom)
    {
        SolarEvent? fromVar = null, toVar = null;
        int fromAdd = 0, toAdd = 0, from, to;
        if (normalFrom)
        {
            from = Minutes(at);
            WarnSingleDigit(at);
        }
        else
        {
            fromVar = (SolarEvent)_tokens[at + (calcFrom ? 1 : 0)].Value;
            fromAdd = calcFrom ? ParseTimeVarCalc(at) : 0;
            from = SolarTimes.Fallback(fromVar.Value) + fromAdd;
        }
        var afterDash = at + (normalFrom ? 3 : calcFrom ? 7 : 1) + 1;
        var openEnd = false;
        var normalTo = false;
        var calcTo = false;
        if (!Match(afterDash - 1, '-'))
        {
            if (!Match(afterDash - 1, '+'))
            {
                throw Error(afterDash - 1, "\"-\" and an end time (points in time are not opening hours)");
            }
            openEnd = true;
        }
        if (openEnd)
        {
            to = OpenEndTo(from);
        }
        else
        {
            normalTo = MatchKinds(afterDash, OhTokenKind.Number, OhTokenKind.TimeSeparator, OhTokenKind.Number);
            calcTo = Match(afterDash, '(') && MatchKinds(afterDash + 1, OhTokenKind.TimeVar);
            if (!normalTo && !calcTo && !MatchKinds(afterDash, OhTokenKind.TimeVar))
            {
                throw Error(afterDash, "an end time (like 17:00) after \"-\"");
            }
            if (normalTo)
            {
                to = Minutes(afterDash);
                WarnSingleDigit(afterDash);
            }
            else
            {
                toVar = (SolarEvent)_tokens[afterDash + (calcTo ? 1 : 0)].Value;
                toAdd = calcTo ? ParseTimeVarCalc(afterDash) : 0;
                to = SolarTimes.Fallback(toVar.Value) + toAdd;
            }
        }
        var next = afterDash + (normalTo ? 3 : calcTo ? 7 : openEnd ? 0 : 1);
        if (Match(next, '/') && MatchKinds(next + 1, OhTokenKind.Number))
        {
            throw Error(next, "no period: \"/\" after a time range describes points in time, not opening hours");
        }
        if (from >= Day)
        {
            throw Error(at, "a start time within the day (before 24:00)");
        }
        if (to < from || (normalFrom && normalTo && from == to))
        {
            to += Day;
        }
        if (to > 2 * Day)
        {
            throw Error(afterDash, "an end time before the second midnight (48:00)");
        }
        if (Match(next, '+'))
        {
            // "14:00-17:00+": open, then open end from the end time. Like opening_hours.js the open end comes first,
            // so the fixed range after it wins where both match.
            AddSpan(to, OpenEndTo(to), toVar, toAdd, null, 0, openEnd: true);
            next++;
        }
        AddSpan(from, to, fromVar, fromAdd, toVar, toAdd, openEnd);
        return next;
    }

    // Open end: until midnight when it starts before 17:00, ten hours from 17:00, eight hours from 22:00.
    private static int OpenEndTo(int from) => from >= 22 * 60 ? from + (8 * 60) : from >= 17 * 60 ? from + (10 * 60) : Day;

    private void AddSpan(int from, int to, SolarEvent? fromVar, int fromAdd, SolarEvent? toVar, int toAdd, bool openEnd)
    {
        if (fromVar is not null || toVar is not null)
        {
            _rule.HasVariableTimes = true;
        }
        _rule.Boundaries.Add(from);
        _rule.Boundaries.Add(to);
        if (from == 0 && to == Day)
        {
            _rule.Time.Add(_ => new OhTimeMatch(true));
            return;
        }
        if (to > Day)
        {
            _rule.Time.Add(m =>
            {
                var start = fromVar is { } fv ? SolarTimes.Minutes(m.Instant, fv) + fromAdd : from;
                return m.Minute < start ? new OhTimeMatch(false) : new OhTimeMatch(true, openEnd);
            });
            var wrapTo = to - Day;
            _rule.WrapTime.Add(m =>
            {
                var end = toVar is { } tv ? SolarTimes.Minutes(m.Instant, tv) + toAdd : wrapTo;
                return m.Minute < end ? new OhTimeMatch(true, openEnd) : new OhTimeMatch(false, HasNextChange: false);
            });
            return;
        }
        _rule.Time.Add(m =>
        {
            var start = fromVar is { } fv ? SolarTimes.Minutes(m.Instant, fv) + fromAdd : from;
            var end = toVar is { } tv ? SolarTimes.Minutes(m.Instant, tv) + toAdd : to;
            return new OhTimeMatch(m.Minute >= start && m.Minute < end, openEnd && m.Minute >= start && m.Minute < end);
        });
    }

    private int Minutes(int at)
    {
        if (Number(at + 2) > 59)
        {
            throw Error(at + 2, "minutes from 00 to 59");
        }
        return (Number(at) * 60) + Number(at + 2);
    }

    private void WarnSingleDigit(int at)
    {
        if (_tokens[at].SingleDigit || _tokens[at + 2].Text.Length == 1)
        {
            Warn(at, "Time without leading zero or with a one-digit minute: please write hh:mm, e.g. 09:00.");
        }
    }

    // "(" variable_time ("+" | "-") hh:mm ")"
    private int ParseTimeVarCalc(int at)
    {
        if (!(Match(at + 2, '+') || Match(at + 2, '-')) || !MatchKinds(at + 3, OhTokenKind.Number, OhTokenKind.TimeSeparator, OhTokenKind.Number)
            || !Match(at + 6, ')'))
        {
            throw Error(at + 2, "a calculation like (sunrise+01:00)");
        }
        var minutes = Minutes(at + 3);
        return Match(at + 2, '+') ? minutes : -minutes;
    }
}
