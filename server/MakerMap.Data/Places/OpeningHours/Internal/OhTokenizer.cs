using System.Globalization;

namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// Splits an <c>opening_hours</c> value into rules (at <c>;</c> and <c>||</c>) of tokens. Like opening_hours.js it is
/// case-insensitive and tolerates what mappers often write (<c>.</c> between hours and minutes, full or Dutch, German
/// and French day and month names, <c>–</c> for <c>-</c>), each with a warning.
/// </summary>
internal static class OhTokenizer
{
    private static readonly Dictionary<string, (OhTokenKind Kind, int Value, string Text)> Words = BuildWords();

    // Words that are not selectors but stand for punctuation, and noise words that say nothing.
    private static readonly Dictionary<string, string> Replacements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["to"] = "-",
        ["till"] = "-",
        ["til"] = "-",
        ["until"] = "-",
        ["bis"] = "-",
        ["tot"] = "-",
        ["à"] = "-",
        ["au"] = "-",
        ["and"] = ",",
        ["und"] = ",",
        ["en"] = ",",
        ["et"] = ",",
    };

    public static List<OhTokenRule> Tokenize(string value, List<OhWarning> warnings)
    {
        var rules = new List<OhTokenRule>();
        var tokens = new List<OhToken>();
        var fallback = false;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == ';')
            {
                rules.Add(new OhTokenRule(tokens, fallback));
                (tokens, fallback) = ([], false);
                i++;
            }
            else if (c == '|' && i + 1 < value.Length && value[i + 1] == '|')
            {
                if (tokens.Count == 0)
                {
                    throw new OhSyntaxException(i, "a rule before the fallback rule \"||\"");
                }
                rules.Add(new OhTokenRule(tokens, fallback));
                (tokens, fallback) = ([], true);
                i += 2;
            }
            else if (c == '2' && string.CompareOrdinal(value, i, "24/7", 0, 4) == 0)
            {
                tokens.Add(new OhToken(OhTokenKind.TwentyFourSeven, 0, "24/7", i));
                i += 4;
            }
            else if (c is ':' or '.')
            {
                if (c == '.')
                {
                    warnings.Add(new OhWarning(i, "Please use \":\" as hour/minute separator."));
                }
                tokens.Add(new OhToken(OhTokenKind.TimeSeparator, 0, ":", i));
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < value.Length && char.IsAsciiDigit(value[i]))
                {
                    i++;
                }
                var text = value[start..i];
                var number = text.Length > 9 ? int.MaxValue : int.Parse(text, CultureInfo.InvariantCulture);
                tokens.Add(number > 1900
                    ? new OhToken(OhTokenKind.Year, number, text, start)
                    : new OhToken(OhTokenKind.Number, number, text, start, text.Length == 1));
            }
            else if (c == '"')
            {
                var close = value.IndexOf('"', i + 1);
                if (close <= i + 1)
                {
                    throw new OhSyntaxException(i, close < 0 ? "a closing '\"' for the comment" : "text inside the comment");
                }
                tokens.Add(new OhToken(OhTokenKind.Comment, 0, value[(i + 1)..close], i));
                i = close + 1;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < value.Length && char.IsLetter(value[i]))
                {
                    i++;
                }
                AddWord(value, start, i, tokens, warnings);
            }
            else if (c is '–' or '—' or '‐' or '‑' or '‒' or '−' or '~' or '～')
            {
                warnings.Add(new OhWarning(i, $"Please use \"-\" instead of \"{c}\"."));
                tokens.Add(new OhToken(OhTokenKind.Punctuation, 0, "-", i));
                i++;
            }
            else
            {
                tokens.Add(new OhToken(OhTokenKind.Punctuation, 0, c.ToString(), i));
                i++;
            }
        }
        rules.Add(new OhTokenRule(tokens, fallback));
        return rules;
    }

    private static void AddWord(string value, int start, int end, List<OhToken> tokens, List<OhWarning> warnings)
    {
        var word = value[start..end];
        var lower = word.ToLowerInvariant();
        if (lower is "ph" or "sh")
        {
            tokens.Add(new OhToken(OhTokenKind.Holiday, lower == "ph" ? 0 : 1, lower.ToUpperInvariant(), start));
            return;
        }
        if (lower is "am" or "pm")
        {
            // "10am-12pm": the 12-hour clock, moved onto the hours token before it.
            var hours = tokens.Count >= 3 && tokens[^2].Kind == OhTokenKind.TimeSeparator && tokens[^3].Kind == OhTokenKind.Number ? tokens.Count - 3
                : tokens.Count >= 1 && tokens[^1].Kind == OhTokenKind.Number ? tokens.Count - 1 : -1;
            if (hours < 0)
            {
                throw new OhSyntaxException(start, "hours before \"" + word + "\"");
            }
            var hour = tokens[hours].Value;
            hour = lower == "pm" && hour < 12 ? hour + 12 : lower == "am" && hour == 12 ? 0 : hour;
            tokens[hours] = tokens[hours] with { Value = hour, SingleDigit = false };
            warnings.Add(new OhWarning(start, "Please use the 24-hour clock (hh:mm) instead of am/pm."));
            return;
        }
        if (Words.TryGetValue(lower, out var known))
        {
            if (!string.Equals(known.Text, lower, StringComparison.Ordinal)
                && known.Kind is OhTokenKind.Weekday or OhTokenKind.Month)
            {
                warnings.Add(new OhWarning(start, $"Please use the English abbreviation \"{Capitalized(known.Text)}\" for \"{lower}\"."));
            }
            tokens.Add(new OhToken(known.Kind, known.Value, known.Text, start));
            return;
        }
        if (Replacements.TryGetValue(lower, out var replacement))
        {
            warnings.Add(new OhWarning(start, $"Please use \"{replacement}\" instead of \"{word}\"."));
            tokens.Add(new OhToken(OhTokenKind.Punctuation, 0, replacement, start));
            return;
        }
        throw new OhSyntaxException(start, "a weekday, month, holiday, state or time; \"" + word + "\" is not a known word");
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static Dictionary<string, (OhTokenKind, int, string)> BuildWords()
    {
        var words = new Dictionary<string, (OhTokenKind, int, string)>(StringComparer.Ordinal);
        string[] days = ["su", "mo", "tu", "we", "th", "fr", "sa"];
        string[][] dayNames =
        [
            ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
            ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
            ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
            ["zo", "ma", "di", "wo", "do", "vr", "za"],
            ["sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"],
            ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ];
        for (var d = 0; d < 7; d++)
        {
            words[days[d]] = (OhTokenKind.Weekday, d, days[d]);
            foreach (var names in dayNames)
            {
                words.TryAdd(names[d], (OhTokenKind.Weekday, d, days[d]));
            }
        }
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        string[][] monthNames =
        [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sept", "okt", "nov", "dec"],
        ];
        for (var m = 0; m < 12; m++)
        {
            words[months[m]] = (OhTokenKind.Month, m, months[m]);
            foreach (var names in monthNames)
            {
                words.TryAdd(names[m], (OhTokenKind.Month, m, months[m]));
            }
        }
        words["day"] = (OhTokenKind.CalcDay, 1, "day");
        words["days"] = (OhTokenKind.CalcDay, 2, "days");
        words["sunrise"] = (OhTokenKind.TimeVar, (int)SolarEvent.Sunrise, "sunrise");
        words["sunset"] = (OhTokenKind.TimeVar, (int)SolarEvent.Sunset, "sunset");
        words["dawn"] = (OhTokenKind.TimeVar, (int)SolarEvent.Dawn, "dawn");
        words["dusk"] = (OhTokenKind.TimeVar, (int)SolarEvent.Dusk, "dusk");
        words["easter"] = (OhTokenKind.Event, 0, "easter");
        words["week"] = (OhTokenKind.Week, 0, "week");
        words["open"] = (OhTokenKind.State, 0, "open");
        words["closed"] = (OhTokenKind.State, 1, "closed");
        words["off"] = (OhTokenKind.State, 1, "off");
        words["unknown"] = (OhTokenKind.State, 2, "unknown");
        return words;
    }
}

/// <summary>A warning about a value that parses but could be written better, at a position in the value.</summary>
internal readonly record struct OhWarning(int Position, string Message);
