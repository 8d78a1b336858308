using System.Text;
using MakerMap.Data.Calendar;

namespace MakerMap.Data.Tests.Calendar;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EscapeText_escapes_backslash_semicolon_comma_and_newlines()
    {
        Assert.Equal(@"a\\b\; c\, d\ne\nf", CalendarWriter.EscapeText("a\\b; c, d\r\ne\nf"));
    }

    [Fact]
    public void Line_shorter_than_75_octets_is_not_folded()
    {
        var text = new StringBuilder();

        CalendarWriter.Line(text, "SUMMARY:" + new string('x', 67));

        Assert.Equal("SUMMARY:" + new string('x', 67) + "\r\n", text.ToString());
    }

    [Fact]
    public void Line_longer_than_75_octets_folds_with_crlf_space_and_unfolds_to_the_original()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("0123456789", 20));
        var text = new StringBuilder();

        CalendarWriter.Line(text, line);

        var physical = text.ToString().Split("\r\n")[..^1];
        Assert.True(physical.Length > 1);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(physical[0]));
        Assert.Equal(line, text.ToString().Replace("\r\n ", "", StringComparison.Ordinal).TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Line_never_splits_a_multi_byte_character()
    {
        // 'é' is two octets and '🔧' four: a naive 75-octet cut would land inside one of them
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("é🔧", 40));
        var text = new StringBuilder();

        CalendarWriter.Line(text, line);

        var physical = text.ToString().Split("\r\n")[..^1];
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75));
        Assert.All(physical, p => Assert.False(p.Contains('\uFFFD', StringComparison.Ordinal)));
        Assert.Equal(line, text.ToString().Replace("\r\n ", "", StringComparison.Ordinal).TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Write_produces_a_vcalendar_with_utc_times_stable_uid_and_escaped_text()
    {
        var booking = new CalendarEvent("booking-1@makermap",
            new DateTimeOffset(2026, 12, 12, 14, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.FromHours(1)),
            "Lasersnijder, Timelab", Location: "Timelab; Brusselsepoortstraat 97, Gent", Status: "CONFIRMED");

        var ics = CalendarWriter.Write("Repair; Gent", [booking], Stamp);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Repair\\; Gent\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nBEGIN:VEVENT\r\nUID:booking-1@makermap\r\nDTSTAMP:20261123T170000Z\r\nDTSTART:20261212T130000Z\r\nDTEND:20261212T160000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Lasersnijder\\, Timelab\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Timelab\\; Brusselsepoortstraat 97\\, Gent\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\nSEQUENCE:0\r\nEND:VEVENT\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "17")]
    public void Write_gives_a_changed_event_its_sequence_and_last_modified()
    {
        var moved = new CalendarEvent("booking-2@makermap", Stamp.AddDays(3), Stamp.AddDays(3).AddHours(2), "Naaimachine",
            Status: "CANCELLED", Sequence: 2, LastModified: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1)));

        var ics = CalendarWriter.Write("Gent", [moved], Stamp);

        Assert.Contains("\r\nSTATUS:CANCELLED\r\nSEQUENCE:2\r\nLAST-MODIFIED:20261120T083000Z\r\nEND:VEVENT\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "17")]
    public void Write_without_events_still_holds_a_component_the_brussels_vtimezone()
    {
        var ics = CalendarWriter.Write("Stil", [], Stamp);

        Assert.Contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VEVENT", ics, StringComparison.Ordinal);
    }
}
