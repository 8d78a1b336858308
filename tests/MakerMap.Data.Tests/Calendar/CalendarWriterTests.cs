using System.Text;
using MakerMap.Data.Calendar;

namespace MakerMap.Data.Tests.Calendar;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Start = new(2026, 12, 12, 14, 0, 0, TimeSpan.FromHours(1));

    // RFC 5545 §3.1: a fold is CRLF followed by one space.
    private static string[] UnfoldedLines(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");

    private static string[] PhysicalLines(string ics) => ics.Split("\r\n")[..^1];

    private static string WriteOne(string summary = "Naaimachine", string? description = null) =>
        CalendarWriter.Write("Gent", [new CalendarEvent("booking-1@makermap", Start, Start.AddHours(3), summary, description)], Stamp);

    [Fact]
    public void Write_escapes_backslash_semicolon_comma_and_newlines_in_text()
    {
        var ics = WriteOne(description: "a\\b; c, d\r\ne\nf");

        Assert.Contains(@"DESCRIPTION:a\\b\; c\, d\ne\nf", UnfoldedLines(ics));
    }

    [Fact]
    public void Write_leaves_lines_shorter_than_75_octets_unfolded()
    {
        var ics = WriteOne(summary: new string('x', 67));

        Assert.Contains("SUMMARY:" + new string('x', 67), PhysicalLines(ics));
    }

    [Fact]
    public void Write_folds_lines_longer_than_75_octets_with_crlf_space_and_they_unfold_to_the_original()
    {
        var description = string.Concat(Enumerable.Repeat("0123456789", 20));

        var ics = WriteOne(description: description);

        var physical = PhysicalLines(ics);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.Contains(physical, p => p.StartsWith("DESCRIPTION:0123", StringComparison.Ordinal));
        Assert.Contains(physical, p => p.StartsWith(' '));
        Assert.Contains("DESCRIPTION:" + description, UnfoldedLines(ics));
    }

    [Fact]
    public void Write_never_splits_a_multi_byte_character_when_folding()
    {
        // 'é' is two octets and '🔧' four: a naive 75-octet cut would land inside one of them
        var summary = string.Concat(Enumerable.Repeat("é🔧", 40));

        var ics = WriteOne(summary: summary);

        var physical = PhysicalLines(ics);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.All(physical, p => Assert.False(char.IsHighSurrogate(p[^1]), p));
        Assert.Contains("SUMMARY:" + summary, UnfoldedLines(ics));
    }

    [Fact]
    public void Write_produces_a_vcalendar_with_utc_times_stable_uid_and_escaped_text()
    {
        var booking = new CalendarEvent("booking-1@makermap", Start, Start.AddHours(3),
            "Lasersnijder, Timelab", Location: "Timelab; Brusselsepoortstraat 97, Gent", Status: "CONFIRMED");

        var ics = CalendarWriter.Write("Repair; Gent", [booking], Stamp);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = UnfoldedLines(ics);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//MakerMap//MakerMap Calendar//EN", lines);
        Assert.Contains("X-WR-CALNAME:Repair\\; Gent", lines);
        var vevent = lines.SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT").ToList();
        Assert.Contains("UID:booking-1@makermap", vevent);
        Assert.Contains("DTSTAMP:20261123T170000Z", vevent);
        Assert.Contains("DTSTART:20261212T130000Z", vevent);
        Assert.Contains("DTEND:20261212T160000Z", vevent);
        Assert.Contains("SUMMARY:Lasersnijder\\, Timelab", vevent);
        Assert.Contains("LOCATION:Timelab\\; Brusselsepoortstraat 97\\, Gent", vevent);
        Assert.Contains("STATUS:CONFIRMED", vevent);
        Assert.Contains("SEQUENCE:0", vevent);
        Assert.DoesNotContain(vevent, l => l.StartsWith("LAST-MODIFIED", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Issue", "17")]
    public void Write_gives_a_changed_event_its_sequence_and_last_modified()
    {
        var moved = new CalendarEvent("booking-2@makermap", Stamp.AddDays(3), Stamp.AddDays(3).AddHours(2), "Naaimachine",
            Status: "CANCELLED", Sequence: 2, LastModified: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1)));

        var lines = UnfoldedLines(CalendarWriter.Write("Gent", [moved], Stamp));

        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("LAST-MODIFIED:20261120T083000Z", lines);
    }

    [Fact]
    [Trait("Issue", "17")]
    public void Write_without_events_still_holds_a_component_the_brussels_vtimezone()
    {
        var ics = CalendarWriter.Write("Stil", [], Stamp);

        var lines = UnfoldedLines(ics);
        Assert.Equal("TZID:Europe/Brussels", lines[Array.IndexOf(lines, "BEGIN:VTIMEZONE") + 1]);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", lines);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", lines);
        Assert.Contains("\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VEVENT", ics, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "17")]
    public void Write_reads_back_with_ical_net_as_the_events_it_was_given()
    {
        var events = new[]
        {
            new CalendarEvent("session-1@makermap", Start, Start.AddHours(3), "Repair Café", Location: "Timelab", Status: "CONFIRMED"),
            new CalendarEvent("session-2@makermap", Start.AddDays(7), Start.AddDays(7).AddHours(3), "Repair Café", Status: "CANCELLED", Sequence: 1),
        };

        var calendar = Ical.Net.Calendar.Load(CalendarWriter.Write("Timelab", events, Stamp))!;

        Assert.Single(calendar.TimeZones);
        Assert.Equal(events.Select(e => (e.Uid, e.Start.UtcDateTime, e.End.UtcDateTime, e.Status, e.Sequence)),
            calendar.Events.OrderBy(e => e.Uid, StringComparer.Ordinal)
                .Select(e => (e.Uid!, e.DtStart!.AsUtc, e.DtEnd!.AsUtc, e.Status, e.Sequence)));
    }
}
