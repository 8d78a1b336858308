using System.Collections.Frozen;
using System.Globalization;

namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>
/// Weekday and month names in every language the runtime's calendar data (ICU) knows, so that <c>lunes</c>,
/// <c>janvier</c>, <c>понедельник</c> or <c>月曜日</c> read as <c>Mo</c>, <c>Jan</c>, <c>Mo</c>, <c>Mo</c> — as
/// opening_hours.js reads them through its cross-language index. A full name counts in any language; an abbreviation
/// only in Belgium's languages and English (Dutch, French, German: <c>So</c> is Sunday), because short forms collide
/// across languages (<c>tr</c> is Wednesday only in Lithuanian, which the reference rejects). A name with two
/// meanings (<c>listopad</c>: November in Czech, October in Croatian) is not read.
/// </summary>
internal static class OhLocaleNames
{
    private static readonly string[] LocalLanguages = ["nl", "fr", "de", "en"];

    private static readonly Lazy<FrozenDictionary<string, (OhTokenKind Kind, int Value)>> LazyNames = new(Build);

    /// <summary>The weekday (0 = Sunday) or month (0 = January) a lower-case word names, if exactly one.</summary>
    public static bool TryGet(string lowerWord, out OhTokenKind kind, out int value)
    {
        if (LazyNames.Value.TryGetValue(lowerWord, out var found))
        {
            (kind, value) = found;
            return true;
        }
        (kind, value) = (default, 0);
        return false;
    }

    private static FrozenDictionary<string, (OhTokenKind, int)> Build()
    {
        var local = new Dictionary<string, HashSet<(OhTokenKind, int)>>(StringComparer.Ordinal);
        var anywhere = new Dictionary<string, HashSet<(OhTokenKind, int)>>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            var format = culture.DateTimeFormat;
            var isLocal = LocalLanguages.Contains(culture.TwoLetterISOLanguageName, StringComparer.Ordinal);
            foreach (var (names, kind, abbreviated) in new[]
            {
                (format.DayNames, OhTokenKind.Weekday, false), (format.MonthNames, OhTokenKind.Month, false),
                (format.MonthGenitiveNames, OhTokenKind.Month, false),
                (format.AbbreviatedDayNames, OhTokenKind.Weekday, true), (format.AbbreviatedMonthNames, OhTokenKind.Month, true),
                (format.AbbreviatedMonthGenitiveNames, OhTokenKind.Month, true),
            })
            {
                for (var i = 0; i < Math.Min(names.Length, kind == OhTokenKind.Weekday ? 7 : 12); i++)
                {
                    var name = names[i].Trim().TrimEnd('.').ToLowerInvariant();
                    if (name.Length < 2 || (abbreviated && !isLocal))
                    {
                        continue;
                    }
                    Add(isLocal ? local : anywhere, name, (kind, i));
                }
            }
        }
        var result = new Dictionary<string, (OhTokenKind, int)>(StringComparer.Ordinal);
        foreach (var (name, meanings) in anywhere)
        {
            if (!local.ContainsKey(name) && meanings.Count == 1)
            {
                result[name] = meanings.First();
            }
        }
        foreach (var (name, meanings) in local)
        {
            if (meanings.Count == 1)
            {
                result[name] = meanings.First();
            }
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, HashSet<(OhTokenKind, int)>> index, string name, (OhTokenKind, int) meaning)
    {
        if (!index.TryGetValue(name, out var meanings))
        {
            index[name] = meanings = [];
        }
        meanings.Add(meaning);
    }
}
