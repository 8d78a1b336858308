namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// Parses the tokens of an <c>opening_hours</c> value into <see cref="OhRule"/>s, following the grammar opening_hours.js
/// accepts (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification): a rule is a sequence of selectors in
/// any order — years, months, month days, weeks, weekdays, holidays, times — then a state and a comment. This file
/// holds the rule loop; selectors are in <c>OhParser.Dates.cs</c>, <c>OhParser.Weekdays.cs</c> and <c>OhParser.Times.cs</c>.
/// </summary>
internal sealed partial class OhParser
{
    private readonly List<OhToken> _tokens;
    private readonly List<OhWarning> _warnings;
    private readonly int _end;
    private RuleBuilder _rule = null!;

    private OhParser(List<OhToken> tokens, List<OhWarning> warnings, int end)
    {
        _tokens = tokens;
        _warnings = warnings;
        _end = end;
    }

    /// <summary>The internal rules of <paramref name="value"/>; throws <see cref="OhSyntaxException"/> when it does not parse.</summary>
    public static List<OhRule> Parse(string value, List<OhWarning> warnings)
    {
        var rules = new List<OhRule>();
        var tokenRules = OhTokenizer.Tokenize(value, warnings);
        var nonEmpty = 0;
        foreach (var tokenRule in tokenRules)
        {
            if (tokenRule.Tokens.Count == 0)
            {
                continue;
            }
            nonEmpty++;
            var parser = new OhParser(tokenRule.Tokens, warnings, value.Length);
            var at = 0;
            var additional = false;
            do
            {
                if (at >= tokenRule.Tokens.Count)
                {
                    break;
                }
                var start = at;
                var builder = new RuleBuilder(tokenRule.Fallback, additional);
                parser._rule = builder;
                var next = parser.ParseGroup(at);
                var endToken = next ?? tokenRule.Tokens.Count;
                var first = tokenRule.Tokens[start].Position;
                var last = endToken - (next is null ? 1 : 2);
                var lastToken = tokenRule.Tokens[Math.Max(start, last)];
                var rule = builder.Build(value[first..Math.Min(value.Length, lastToken.Position + TokenLength(value, lastToken))].Trim());
                rules.Add(rule);
                if (rule.WrapTime.Count > 0)
                {
                    rules.Add(RuleBuilder.BuildWrapped(rule));
                }
                additional = next is not null;
                at = next ?? 0;
            }
            while (additional);
        }
        if (nonEmpty == 0)
        {
            throw new OhSyntaxException(0, "a rule (weekdays, months, a time like 09:00, 24/7, off, or a comment)");
        }
        return rules;
    }

    private static int TokenLength(string value, OhToken token) => token.Kind switch
    {
        OhTokenKind.Comment => token.Text.Length + 2,
        _ => Math.Max(1, token.Text.Length),
    };

    // rule = { selector } [ state ] [ comment ]; returns the token index of an additional rule after "," (or null)
    private int? ParseGroup(int at)
    {
        var modifierSpecified = false;
        var timeEndedAt = -1;
        while (at < _tokens.Count)
        {
            var token = _tokens[at];
            if (token.Is(OhTokenKind.Weekday))
            {
                at = ParseWeekdays(at);
            }
            else if (token.Is(OhTokenKind.TwentyFourSeven))
            {
                _rule.Time.Add(_ => new OhTimeMatch(true));
                _rule.Boundaries.Add(0);
                at++;
            }
            else if (token.Is(OhTokenKind.Holiday))
            {
                at = ParseHolidays(at, pushToWeekday: Match(at + 1, ','));
                _rule.IsWeekly = false;
            }
            else if ((MatchKinds(at, OhTokenKind.Month, OhTokenKind.Number) && !MatchKinds(at + 2, OhTokenKind.TimeSeparator))
                || (MatchKinds(at, OhTokenKind.Month, OhTokenKind.Weekday) && Match(at + 2, '['))
                || MatchKinds(at, OhTokenKind.Year, OhTokenKind.Month, OhTokenKind.Number) || MatchKinds(at, OhTokenKind.Year, OhTokenKind.Event)
                || token.Is(OhTokenKind.Event))
            {
                at = ParseMonthdays(at);
                _rule.IsWeekly = false;
            }
            else if (token.Is(OhTokenKind.Year))
            {
                at = ParseYears(at);
                _rule.IsWeekly = false;
            }
            else if (token.Is(OhTokenKind.Month))
            {
                at = ParseMonths(at);
                _rule.IsWeekly = false;
            }
            else if (token.Is(OhTokenKind.Week))
            {
                at = ParseWeeks(at);
                _rule.IsWeekly = false;
            }
            else if (at != 0 && at != _tokens.Count - 1 && token.Is(OhTokenKind.TimeSeparator) && timeEndedAt != at)
            {
                // "Jan 10-Feb 10: 07:30-12:00": a colon after date selectors is only for readability.
                at++;
            }
            else if (MatchKinds(at, OhTokenKind.Number, OhTokenKind.TimeSeparator) || token.Is(OhTokenKind.TimeVar)
                || (Match(at, '(') && MatchKinds(at + 1, OhTokenKind.TimeVar)) || (token.Is(OhTokenKind.Number) && Match(at + 1, '-')))
            {
                var (next, additionalAt) = ParseTimes(at);
                if (additionalAt is not null)
                {
                    return additionalAt;
                }
                at = next;
                timeEndedAt = at;
            }
            else if (token.Is(OhTokenKind.State))
            {
                // As in opening_hours.js, "open" and "off" leave an unknown set by an earlier comment in the rule.
                _rule.Meaning = token.Value == 0;
                _rule.Unknown |= token.Value == 2;
                modifierSpecified = true;
                at++;
                if (Match(at, ','))
                {
                    return at + 1;
                }
            }
            else if (token.Is(OhTokenKind.Comment))
            {
                _rule.Comment = token.Text;
                if (!modifierSpecified)
                {
                    // A comment without a state says the place may be open: unknown.
                    _rule.Meaning = false;
                    _rule.Unknown = true;
                }
                modifierSpecified = true;
                at++;
                if (Match(at, ','))
                {
                    return at + 1;
                }
            }
            else if ((at == 0 || at == _tokens.Count - 1) && Match(at, ','))
            {
                at++;
            }
            else
            {
                throw Unexpected(at);
            }
        }
        return null;
    }

    private OhSyntaxException Unexpected(int at) => at < _tokens.Count
        ? new OhSyntaxException(_tokens[at].Position, "a selector, state or comment; unexpected \"" + _tokens[at].Text + "\"")
        : new OhSyntaxException(_end, "more after \"" + _tokens[^1].Text + "\"");

    private OhSyntaxException Error(int at, string expected) =>
        new(at < _tokens.Count ? _tokens[at].Position : _end, expected);

    private void Warn(int at, string message) => _warnings.Add(new OhWarning(at < _tokens.Count ? _tokens[at].Position : _end, message));

    private bool Match(int at, char punctuation) => at < _tokens.Count && _tokens[at].IsPunctuation(punctuation);

    private bool MatchKinds(int at, params ReadOnlySpan<OhTokenKind> kinds)
    {
        for (var i = 0; i < kinds.Length; i++)
        {
            if (at + i >= _tokens.Count || _tokens[at + i].Kind != kinds[i])
            {
                return false;
            }
        }
        return true;
    }

    private int Number(int at) => _tokens[at].Value;

    /// <summary>Collects the selectors of one rule by kind, then orders them as opening_hours.js does.</summary>
    private sealed class RuleBuilder(bool fallback, bool additional)
    {
        public List<OhDateSelector> Year { get; } = [];

        public List<OhDateSelector> Holiday { get; } = [];

        public List<OhDateSelector> Month { get; } = [];

        public List<OhDateSelector> Monthday { get; } = [];

        public List<OhDateSelector> Week { get; } = [];

        public List<OhDateSelector> Weekday { get; } = [];

        public List<Func<OhMoment, OhTimeMatch>> Time { get; } = [];

        public List<Func<OhMoment, OhTimeMatch>> WrapTime { get; } = [];

        public List<int> Boundaries { get; } = [];

        public bool Meaning { get; set; } = true;

        public bool Unknown { get; set; }

        public string? Comment { get; set; }

        public bool IsWeekly { get; set; } = true;

        public bool HasVariableTimes { get; set; }

        public OhRule Build(string text)
        {
            var rule = new OhRule
            {
                Additional = additional,
                Fallback = fallback,
                Meaning = Meaning,
                Unknown = Unknown,
                Comment = Comment,
                IsWeekly = IsWeekly && !fallback,
                Text = text,
                HasVariableTimes = HasVariableTimes,
            };
            foreach (var group in new[] { Year, Holiday, Month, Monthday, Week, Weekday })
            {
                if (group.Count > 0)
                {
                    rule.Date.Add(group);
                }
            }
            rule.Time.AddRange(Time);
            rule.WrapTime.AddRange(WrapTime);
            rule.Boundaries.AddRange(Boundaries);
            return rule;
        }

        // The part of a span past midnight: the same dates shifted by a day, on the next day's wall clock.
        public static OhRule BuildWrapped(OhRule rule)
        {
            var wrapped = new OhRule
            {
                Meaning = rule.Meaning,
                Unknown = rule.Unknown,
                Comment = rule.Comment,
                Wrapped = true,
                IsWeekly = rule.IsWeekly,
                Text = rule.Text,
                HasVariableTimes = rule.HasVariableTimes,
            };
            foreach (var group in rule.Date)
            {
                // The day before is asked without its holiday name: the reference names no holiday on the wrapped part.
                wrapped.Date.Add([.. group.Select(s => (OhDateSelector)((DateOnly d, ref string? _) =>
                {
                    string? ignored = null;
                    return s(d.AddDays(-1), ref ignored);
                }))]);
            }
            wrapped.Time.AddRange(rule.WrapTime);
            wrapped.Boundaries.AddRange(rule.Boundaries.Where(b => b > 1440).Select(b => b - 1440));
            return wrapped;
        }
    }
}
