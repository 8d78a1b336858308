using System.Globalization;
using System.Text;

namespace MakerMap.Data.Calendar;

/// <summary>One VEVENT. Times are written in UTC, so no event refers to the feed's VTIMEZONE.</summary>
/// <param name="Uid">Stable across feeds and refreshes, e.g. <c>booking-&lt;id&gt;@makermap</c>.</param>
/// <param name="Start">DTSTART.</param>
/// <param name="End">DTEND (exclusive, like a slot).</param>
/// <param name="Summary">SUMMARY.</param>
/// <param name="Description">DESCRIPTION, or null.</param>
/// <param name="Location">LOCATION, or null.</param>
/// <param name="Status"><c>CONFIRMED</c>, <c>TENTATIVE</c> or <c>CANCELLED</c>, or null.</param>
/// <param name="Sequence">SEQUENCE: how many times what the feed shows of the event changed (§3.8.7.4).</param>
/// <param name="LastModified">LAST-MODIFIED: when it last changed, or null.</param>
public sealed record CalendarEvent(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary,
    string? Description = null, string? Location = null, string? Status = null, int Sequence = 0,
    DateTimeOffset? LastModified = null);

/// <summary>
/// Writes an RFC 5545 VCALENDAR: CRLF line ends, content lines folded at 75 octets without splitting
/// a UTF-8 character (§3.1), TEXT values escaped (§3.3.11), date-times in UTC form (§3.3.5). Every
/// calendar holds a VTIMEZONE for Europe/Brussels, the zone of every MakerMap place, so that a feed
/// without events still has the one component §3.6 requires (a VCALENDAR with none is invalid, and
/// strict parsers reject it); events are in UTC and do not refer to it.
/// </summary>
public static class CalendarWriter
{
    private const int MaxOctets = 75;

    // Central European Time with the EU's summer time rule (last Sunday of March and of October), as
    // the IANA zone has it since 1996.
    private static readonly string[] BrusselsTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Brussels",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <summary>The calendar as text: a VCALENDAR named <paramref name="name"/> holding <paramref name="events"/>.</summary>
    /// <param name="name">Shown by clients as the calendar's name (<c>X-WR-CALNAME</c>).</param>
    /// <param name="events">The events.</param>
    /// <param name="stamp">DTSTAMP of every event: when the feed was generated.</param>
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//MakerMap//MakerMap Calendar//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + EscapeText(name));
        Line(text, "X-WR-TIMEZONE:Europe/Brussels");
        foreach (var line in BrusselsTimeZone)
        {
            Line(text, line);
        }
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + EscapeText(e.Uid));
            Line(text, "DTSTAMP:" + FormatUtc(stamp));
            Line(text, "DTSTART:" + FormatUtc(e.Start));
            Line(text, "DTEND:" + FormatUtc(e.End));
            Line(text, "SUMMARY:" + EscapeText(e.Summary));
            if (e.Description is not null)
            {
                Line(text, "DESCRIPTION:" + EscapeText(e.Description));
            }
            if (e.Location is not null)
            {
                Line(text, "LOCATION:" + EscapeText(e.Location));
            }
            if (e.Status is not null)
            {
                Line(text, "STATUS:" + e.Status);
            }
            Line(text, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            if (e.LastModified is { } modified)
            {
                Line(text, "LAST-MODIFIED:" + FormatUtc(modified));
            }
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>A DATE-TIME in UTC form, e.g. <c>20261212T130000Z</c>.</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma and line breaks (§3.3.11).</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case ';': result.Append(@"\;"); break;
                case ',': result.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': result.Append(@"\n"); break;
                default: result.Append(c); break;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// Appends one content line, folded so that no physical line exceeds 75 octets: a fold is CRLF
    /// followed by a space, and never falls inside a UTF-8 sequence or a surrogate pair.
    /// </summary>
    public static void Line(StringBuilder text, string line)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(line);
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                // continuation lines start with a space, which counts towards their 75 octets
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }
            text.Append(line[i]);
            if (width == 4)
            {
                text.Append(line[++i]);
            }
            octets += width;
        }
        text.Append("\r\n");
    }
}
