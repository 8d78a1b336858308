using System.Text.RegularExpressions;

namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// The words and phrases mappers write instead of the <c>opening_hours</c> syntax, and what they stand for, so that a
/// value opening_hours.js reads through its error tolerance parses here too (with a warning): <c>daily</c> is
/// <c>Mo-Su</c>, <c>12:00 through 14:00</c> is <c>12:00-14:00</c>, <c>geschlossen</c> is <c>off</c>,
/// <c>nach Vereinbarung</c> is the comment <c>"Nach Vereinbarung"</c>. A replacement is itself <c>opening_hours</c>
/// text, tokenized in place of what was written.
/// </summary>
internal static class OhCorrections
{
    /// <summary>A correction: the replacement text and why it was made (the warning).</summary>
    internal sealed record Correction(string Replacement, string Warning);

    // Phrases span several words or start with a digit or "-", so they are tried wherever a token starts, before
    // single words; the first that matches wins, so longer ones come before their prefixes.
    private static readonly (string Pattern, string Replacement, string Why)[] PhraseTable =
    [
        (@"24 hours 7 days a week", "24/7", "always"),
        (@"24 hours", "00:00-24:00", "the whole day"),
        (@"24x7", "24/7", "always"),
        (@"7 ?days(?: a |/)week|7j?/7", "Mo-Su", "every day"),
        (@"always open", "24/7", "always"),
        (@"always closed", "closed", "always closed"),
        (@"all days?|every day", "Mo-Su", "every day"),
        (@"(?:one )?day after public holidays?", "PH +1 day", "the day after a public holiday"),
        (@"(?:one )?day before public holidays?", "PH -1 day", "the day before a public holiday"),
        (@"public holidays?", "PH", "public holidays"),
        (@"school ?holidays?", "SH", "school holidays"),
        (@"on work days?", "Mo-Fr", "working days"),
        (@"jours fériés", "PH", "public holidays"),
        (@"(?:an |nur )?sonn-?(?: und |/)feiertag(?:s|en?)?", "PH,Su", "Sundays and public holidays"),
        (@"an feiertag(?:s|en?)?", "PH", "public holidays"),
        (@"on[ _]?appointments?", "\"on appointment\"", "a comment"),
        (@"by[ _]?appointments?", "\"by appointment\"", "a comment"),
        (@"nach[ _]vereinbarung", "\"Nach Vereinbarung\"", "a comment"),
        (@"nach[ _]absprache", "\"Nach Absprache\"", "a comment"),
        (@"sur[ _]rendez[ _-]?vous|sur[ _]rdv", "\"Sur rendez-vous\"", "a comment"),
        (@"(?:bis|till?|-|–)? ?(?:open ?end|late)", "+", "an open end"),
        (@"a\.m\.", "am", "the 24-hour clock"),
        (@"p\.m\.", "pm", "the 24-hour clock"),
    ];

    // Single words (matched whole, case-insensitively, without a trailing "."), by what they stand for.
    private static readonly (string Pattern, string Replacement, string Why)[] WordTable =
    [
        // Range and list separators in English, German, French, Portuguese, Spanish and Russian.
        (@"to|till?|until|through|bis|tot|à|au|a|as|á|ás|às|ate|до|_", "-", "a range"),
        (@"and|und|u|auch|et|en", ",", "a list"),

        // Closed.
        (@"geschlossen|geschl|gesloten|fermé|ruhetage?|except", "off", "closed"),
        (@"оff", "off", "closed (with a Cyrillic о)"),

        // Words that say nothing the syntax does not.
        (@"uhr|h|hs|hrs|hours|geöffnet|zwischen|ist|durchgehend|season|öffnungszeit(?:en)?|from|ab|von", "", "nothing"),

        // Whole weeks, working days and weekends.
        (@"always|nonstop|anytime", "24/7", "always"),
        (@"daily|everyday|täglich", "Mo-Su", "every day"),
        (@"wd|weekdays?|vardagar", "Mo-Fr", "working days"),
        (@"werktags?", "Mo-Sa", "working days"),
        (@"weekends?", "Sa,Su", "the weekend"),

        // Holidays.
        (@"holidays?|feestdag(?:en)?|feiertag(?:s|en?)?", "PH", "public holidays"),
        (@"schoolholidays?|(?:schul)?ferien", "SH", "school holidays"),

        // Times of day.
        (@"midnight", "00:00", "midnight"),
        (@"midday", "12:00", "noon"),
        (@"daylight|daytime", "sunrise-sunset", "daylight"),
        (@"sundown|sonnenuntergang", "sunset", "sunset"),
        (@"sonnenaufgang", "sunrise", "sunrise"),
        (@"morgendämmerung", "dawn", "dawn"),
        (@"abenddämmerung", "dusk", "dusk"),
        (@"ostern", "easter", "Easter"),
        (@"ам", "am", "the 24-hour clock"),
        (@"рм", "pm", "the 24-hour clock"),

        // Weekdays: plurals, German adverbs, short forms and transliterations no calendar lists.
        (@"m|mon|mondays?|montags?|poniedzialek", "Mo", "Mo"),
        (@"tues?|tuesdays?|dienstags?|die?|din|vtornik", "Tu", "Tu"),
        (@"w|weds?|wednesdays?|mittwochs?|mit?|woe?|sroda|sr", "We", "We"),
        (@"thur|thurs|thursdays?|donnerstags?|don?|chetverk", "Th", "Th"),
        (@"f|fri|fridays?|freitags?|vri?|piatek|pyatnitsa", "Fr", "Fr"),
        (@"sat|saturdays?|samstags?|zat?|subbota|lördagar", "Sa", "Sa"),
        (@"sun|sundays?|sonntags?|so|zon?|zontag|söndagar", "Su", "Su"),

        // Months: German spellings without a calendar's abbreviation.
        (@"märz?|maerz", "Mar", "Mar"),
        (@"june?", "Jun", "Jun"),
        (@"july?", "Jul", "Jul"),
        (@"aoû", "Aug", "Aug"),
    ];

    private static readonly Regex Phrases = new(
        @"\G(?:" + string.Join('|', PhraseTable.Select(p => "(" + p.Pattern + ")")) + @")\.?(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly (Regex Pattern, Correction Correction)[] Words = [.. WordTable.Select(w => (
        new Regex("^(?:" + w.Pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
        new Correction(w.Replacement, Warning(w.Replacement, w.Why))))];

    /// <summary>The phrase that starts at <paramref name="at"/>, its length (a trailing "." included) and its correction.</summary>
    public static bool TryMatchPhrase(string value, int at, out int length, out Correction? correction)
    {
        var match = Phrases.Match(value, at);
        if (match.Success)
        {
            for (var group = 1; group < match.Groups.Count; group++)
            {
                if (match.Groups[group].Success)
                {
                    var (_, replacement, why) = PhraseTable[group - 1];
                    length = match.Length;
                    correction = new Correction(replacement, Warning(replacement, why, match.Groups[group].Value));
                    return true;
                }
            }
        }
        (length, correction) = (0, null);
        return false;
    }

    /// <summary>The correction of a whole word, or null.</summary>
    public static Correction? ForWord(string word)
    {
        foreach (var (pattern, correction) in Words)
        {
            if (pattern.IsMatch(word))
            {
                return correction with { Warning = correction.Warning.Replace("{0}", word, StringComparison.Ordinal) };
            }
        }
        return null;
    }

    private static string Warning(string replacement, string why, string written = "{0}") => replacement.Length == 0
        ? $"\"{written}\" was left out: it adds nothing to the syntax."
        : $"Please write \"{replacement}\" ({why}) instead of \"{written}\".";
}
