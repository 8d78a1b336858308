using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// Splits an <c>opening_hours</c> value into rules (at <c>;</c> and <c>||</c>) of tokens. Like opening_hours.js it is
/// case-insensitive and tolerates what mappers often write, each with a warning: <c>.</c> between hours and minutes,
/// day and month names in other languages (<see cref="OhLocaleNames"/>), words and phrases for the syntax
/// (<see cref="OhCorrections"/>), look-alike characters (<c>–</c>, <c>→</c>, <c>：</c>, superscript digits, typographic
/// quotes) and a <c>.</c> after a word or a day number.
/// </summary>
internal static partial class OhTokenizer
{
    private static readonly string[] WeekdayAbbreviations = ["su", "mo", "tu", "we", "th", "fr", "sa"];

    private static readonly string[] MonthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, (OhTokenKind Kind, int Value, string Text)> Words = BuildWords();

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
            else if (OhCorrections.TryMatchPhrase(value, i, out var phraseLength, out var phrase))
            {
                AddCorrection(phrase!, i, tokens, warnings);
                i += phraseLength;
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
                // "Dec 24.-25.": a dot after a day number, followed by something other than minutes, is left out.
                if (i + 1 < value.Length && value[i] == '.' && !char.IsAsciiDigit(value[i + 1]))
                {
                    warnings.Add(new OhWarning(i, "Please leave out the \".\" after a number."));
                    i++;
                }
            }
            else if (SuperscriptDigit(c) >= 0)
            {
                // "12°°", "⁰⁰:³⁰", "₁₄⁰⁹": look-alike digits, read two at a time; a pair right after hours is the minutes.
                var digits = SuperscriptDigit(c).ToString(CultureInfo.InvariantCulture);
                var start = i++;
                if (i < value.Length && SuperscriptDigit(value[i]) >= 0)
                {
                    digits += SuperscriptDigit(value[i++]).ToString(CultureInfo.InvariantCulture);
                }
                warnings.Add(new OhWarning(start, $"Please use the digits \"{digits}\" instead of \"{value[start..i]}\"."));
                if (tokens.Count > 0 && tokens[^1].Kind == OhTokenKind.Number)
                {
                    tokens.Add(new OhToken(OhTokenKind.TimeSeparator, 0, ":", start));
                }
                tokens.Add(new OhToken(OhTokenKind.Number, int.Parse(digits, CultureInfo.InvariantCulture), digits, start, digits.Length == 1));
            }
            else if (c == '"' && value.IndexOf('"', i + 1) > i + 1)
            {
                var close = value.IndexOf('"', i + 1);
                tokens.Add(new OhToken(OhTokenKind.Comment, 0, value[(i + 1)..close], i));
                i = close + 1;
            }
            else if (TolerantComment().Match(value, i) is { Success: true } quoted)
            {
                // 'comment', „comment“, «comment», 「comment」: typographic quotes (an opening and a closing one) and "".
                if (c != '"' || quoted.Value[^1] != '"')
                {
                    warnings.Add(new OhWarning(i, "Please use straight double quotes (\") around a comment."));
                }
                tokens.Add(new OhToken(OhTokenKind.Comment, 0, quoted.Groups[1].Value, i));
                i += quoted.Length;
            }
            else if (c == '"')
            {
                throw new OhSyntaxException(i, "a closing '\"' for the comment");
            }
            else if (IsWordCharacter(c))
            {
                var start = i;
                while (i < value.Length && IsWordCharacter(value[i]))
                {
                    i++;
                }
                AddWord(value, start, i, tokens, warnings);
                // "mon., Tuesday, wed.": a dot after a word is left out (but "Mo.12:00" is not a word's dot).
                if (i < value.Length && value[i] == '.' && (i + 1 == value.Length || !char.IsAsciiDigit(value[i + 1])))
                {
                    warnings.Add(new OhWarning(i, "Please leave out the \".\" after a word."));
                    i++;
                }
            }
            else if (c is '–' or '—' or '‐' or '‑' or '‒' or '−' or '~' or '～' or '→' or 'ー' or '=')
            {
                warnings.Add(new OhWarning(i, $"Please use \"-\" instead of \"{c}\"."));
                tokens.Add(new OhToken(OhTokenKind.Punctuation, 0, "-", i));
                i++;
            }
            else if (c is '：')
            {
                warnings.Add(new OhWarning(i, "Please use \":\" instead of \"：\"."));
                tokens.Add(new OhToken(OhTokenKind.TimeSeparator, 0, ":", i));
                i++;
            }
            else if (c is '&')
            {
                warnings.Add(new OhWarning(i, "Please use \",\" instead of \"&\"."));
                tokens.Add(new OhToken(OhTokenKind.Punctuation, 0, ",", i));
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
            AddMeridian(lower, word, start, tokens, warnings);
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
        if (lower.Length > 2 && (lower.StartsWith("ph", StringComparison.Ordinal) || lower.StartsWith("sh", StringComparison.Ordinal)))
        {
            // "SHWe": a holiday written against the next selector, as opening_hours.js splits it.
            warnings.Add(new OhWarning(start + 2, "Please put a space after \"" + word[..2] + "\"."));
            AddWord(value, start, start + 2, tokens, warnings);
            AddWord(value, start + 2, end, tokens, warnings);
            return;
        }
        if (OhCorrections.ForWord(lower) is { } correction)
        {
            AddCorrection(correction, start, tokens, warnings);
            return;
        }
        if (OhLocaleNames.TryGet(lower, out var kind, out var index))
        {
            var text = kind == OhTokenKind.Weekday ? WeekdayAbbreviations[index] : MonthAbbreviations[index];
            warnings.Add(new OhWarning(start, $"Please use the English abbreviation \"{Capitalized(text)}\" for \"{lower}\"."));
            tokens.Add(new OhToken(kind, index, text, start));
            return;
        }
        throw new OhSyntaxException(start, "a weekday, month, holiday, state or time; \"" + word + "\" is not a known word");
    }

    // "10am-12pm", "12:00 p.m.": the 12-hour clock, moved onto the hours token before it.
    private static void AddMeridian(string meridian, string written, int start, List<OhToken> tokens, List<OhWarning> warnings)
    {
        var hours = tokens.Count >= 3 && tokens[^2].Kind == OhTokenKind.TimeSeparator && tokens[^3].Kind == OhTokenKind.Number ? tokens.Count - 3
            : tokens.Count >= 1 && tokens[^1].Kind == OhTokenKind.Number ? tokens.Count - 1 : -1;
        if (hours < 0)
        {
            throw new OhSyntaxException(start, "hours before \"" + written + "\"");
        }
        var hour = tokens[hours].Value;
        hour = meridian == "pm" && hour < 12 ? hour + 12 : meridian == "am" && hour == 12 ? 0 : hour;
        tokens[hours] = tokens[hours] with { Value = hour, SingleDigit = false };
        warnings.Add(new OhWarning(start, "Please use the 24-hour clock (hh:mm) instead of am/pm."));
    }

    // A correction's replacement is opening_hours text of its own: its tokens take the corrected word's place.
    private static void AddCorrection(OhCorrections.Correction correction, int start, List<OhToken> tokens, List<OhWarning> warnings)
    {
        warnings.Add(new OhWarning(start, correction.Warning));
        if (correction.Replacement is "am" or "pm")
        {
            AddMeridian(correction.Replacement, correction.Replacement, start, tokens, warnings);
            return;
        }
        var replaced = Tokenize(correction.Replacement, []);
        tokens.AddRange(replaced[0].Tokens.Select(t => t with { Position = start }));
    }

    private static bool IsWordCharacter(char c) => (char.IsLetter(c) && c != 'ー') || c == '_'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // °, ⁰–⁹ and ₀–₉ as digits (° is a zero as in "12°°"), or -1.
    private static int SuperscriptDigit(char c) => c switch
    {
        '°' or '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        >= '⁴' and <= '⁹' => c - '⁰',
        >= '₀' and <= '₉' => c - '₀',
        _ => -1,
    };

    [GeneratedRegex("""\G["'„“‚‘’«「『]([^"'“”‘’»」』;|]*)["'”“‘’»」』]""")]
    private static partial Regex TolerantComment();

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static Dictionary<string, (OhTokenKind, int, string)> BuildWords()
    {
        var words = new Dictionary<string, (OhTokenKind, int, string)>(StringComparer.Ordinal);
        var days = WeekdayAbbreviations;
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
        var months = MonthAbbreviations;
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
