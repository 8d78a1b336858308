using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MakerMap.Data.Schedules;

/// <summary>
/// Parses the RRULE subset of <see cref="RecurrenceRule"/>. Every error is a
/// <see cref="DataValidationException"/> with code <see cref="InvalidRRule"/>, field <c>rrule</c> and a
/// message that quotes the offending part.
/// </summary>
public static class RecurrenceRuleParser
{
    /// <summary>The stable error code of a rule that cannot be parsed.</summary>
    public const string InvalidRRule = "INVALID_RRULE";

    private const string Supported = "FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS or WKST";
    private const string Weekdays = "MO, TU, WE, TH, FR, SA or SU";

    /// <summary>Parses <paramref name="text"/>, e.g. <c>FREQ=MONTHLY;BYDAY=2SA</c> (an <c>RRULE:</c> prefix is allowed).</summary>
    /// <exception cref="DataValidationException">The rule is empty, malformed or outside the subset.</exception>
    public static RecurrenceRule Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail("RRULE is empty.");
        }
        var body = text.Trim();
        if (body.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            body = body[6..];
        }

        // rrule = recur-rule-part *( ";" recur-rule-part ); names are case-insensitive (RFC 5545 §2)
        var parts = new Dictionary<string, (string Part, string Value)>(StringComparer.Ordinal);
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                Fail($"RRULE part '{part}' must have the form NAME=VALUE.");
            }
            var name = part[..equals].ToUpperInvariant();
            if (!parts.TryAdd(name, (part, part[(equals + 1)..].ToUpperInvariant())))
            {
                Fail($"RRULE part '{name}' appears more than once.");
            }
        }
        foreach (var (name, (part, _)) in parts)
        {
            if (name is not ("FREQ" or "INTERVAL" or "COUNT" or "UNTIL" or "BYDAY" or "BYMONTHDAY" or "BYMONTH" or "BYSETPOS" or "WKST"))
            {
                Fail($"RRULE part '{part}' is not supported; use {Supported}.");
            }
        }
        if (!parts.TryGetValue("FREQ", out var freq))
        {
            Fail("RRULE has no FREQ part.");
        }

        var frequency = freq.Value switch
        {
            "DAILY" => RecurrenceFrequency.Daily,
            "WEEKLY" => RecurrenceFrequency.Weekly,
            "MONTHLY" => RecurrenceFrequency.Monthly,
            "YEARLY" => RecurrenceFrequency.Yearly,
            _ => Fail<RecurrenceFrequency>($"RRULE part 'FREQ={freq.Value}' is not supported; FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."),
        };
        var rule = new RecurrenceRule { Frequency = frequency };

        if (parts.TryGetValue("INTERVAL", out var interval))
        {
            rule = rule with { Interval = Integer("INTERVAL", interval.Value, 1, 1000) };
        }
        if (parts.TryGetValue("COUNT", out var count))
        {
            rule = rule with { Count = Integer("COUNT", count.Value, 1, 10000) };
        }
        if (parts.TryGetValue("UNTIL", out var until))
        {
            if (parts.ContainsKey("COUNT"))
            {
                Fail("RRULE must not have both COUNT and UNTIL.");
            }
            var (value, isDate) = ParseUntil(until.Value);
            rule = rule with { Until = value, UntilIsDate = isDate };
        }
        if (parts.TryGetValue("BYDAY", out var byDay))
        {
            rule = rule with { ByDay = ParseByDay(byDay.Value, frequency) };
        }
        if (parts.TryGetValue("BYMONTHDAY", out var byMonthDay))
        {
            if (frequency == RecurrenceFrequency.Weekly)
            {
                Fail($"RRULE part 'BYMONTHDAY={byMonthDay.Value}' is not allowed with FREQ=WEEKLY.");
            }
            rule = rule with { ByMonthDay = IntegerList("BYMONTHDAY", byMonthDay.Value, 31, "day", "use 1 to 31 or -31 to -1") };
        }
        if (parts.TryGetValue("BYMONTH", out var byMonth))
        {
            rule = rule with { ByMonth = IntegerList("BYMONTH", byMonth.Value, 12, "month", "use 1 to 12", allowNegative: false) };
        }
        if (parts.TryGetValue("BYSETPOS", out var bySetPos))
        {
            if (rule.ByDay.Count == 0 && rule.ByMonthDay.Count == 0 && rule.ByMonth.Count == 0)
            {
                Fail($"RRULE part 'BYSETPOS={bySetPos.Value}' needs a BYDAY, BYMONTHDAY or BYMONTH part to select from.");
            }
            rule = rule with { BySetPos = IntegerList("BYSETPOS", bySetPos.Value, 366, "position", "use 1 to 366 or -366 to -1") };
        }
        if (parts.TryGetValue("WKST", out var weekStart))
        {
            rule = rule with
            {
                WeekStart = Weekday(weekStart.Value) ?? Fail<DayOfWeek>($"RRULE part 'WKST={weekStart.Value}' must be a weekday: {Weekdays}."),
            };
        }
        return rule;
    }

    private static int Integer(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result) || result < min || result > max)
        {
            Fail($"RRULE part '{name}={value}' must be a whole number from {min} to {max}.");
        }
        return result;
    }

    private static int[] IntegerList(string name, string value, int max, string what, string hint, bool allowNegative = true)
    {
        var items = value.Split(',');
        var result = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var style = allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None;
            if (!int.TryParse(items[i], style, CultureInfo.InvariantCulture, out var n) || n == 0 || Math.Abs(n) > max)
            {
                Fail($"RRULE part '{name}={value}' has an invalid {what} '{items[i]}'; {hint}.");
            }
            result[i] = n;
        }
        return result;
    }

    // weekdaynum = [[plus / minus] ordwk] weekday ; ordwk = 1*2DIGIT (1 to 53)
    private static WeekdayNum[] ParseByDay(string value, RecurrenceFrequency frequency)
    {
        var items = value.Split(',');
        var result = new WeekdayNum[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var day = item.Length >= 2 ? Weekday(item[^2..]) : null;
            var ordinal = 0;
            var prefix = item.Length >= 2 ? item[..^2] : string.Empty;
            if (day is null || (prefix.Length > 0 && (prefix.Length > 3
                || !int.TryParse(prefix, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ordinal)
                || ordinal == 0 || Math.Abs(ordinal) > 53)))
            {
                Fail($"RRULE part 'BYDAY={value}' has an invalid day '{item}'; use {Weekdays} with an optional ordinal such as 2SA or -1FR.");
            }
            if (ordinal != 0 && frequency is not (RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly))
            {
                Fail($"RRULE part 'BYDAY={value}' has an ordinal ('{item}'), which is only allowed with FREQ=MONTHLY or FREQ=YEARLY.");
            }
            result[i] = new WeekdayNum(ordinal, day.Value);
        }
        return result;
    }

    private static (DateTime Value, bool IsDate) ParseUntil(string value)
    {
        const DateTimeStyles Styles = DateTimeStyles.None;
        if (DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, Styles, out var date))
        {
            return (date, true);
        }
        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, Styles, out var local))
        {
            return (local, false);
        }
        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, Styles, out var utc))
        {
            return (DateTime.SpecifyKind(utc, DateTimeKind.Utc), false);
        }
        return Fail<(DateTime, bool)>(
            $"RRULE part 'UNTIL={value}' must be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, optionally ending in Z).");
    }

    private static DayOfWeek? Weekday(string code) => code switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        "SU" => DayOfWeek.Sunday,
        _ => null,
    };

    [DoesNotReturn]
    private static void Fail(string message) => throw new DataValidationException("rrule", message, InvalidRRule);

    [DoesNotReturn]
    private static T Fail<T>(string message) => throw new DataValidationException("rrule", message, InvalidRRule);
}
