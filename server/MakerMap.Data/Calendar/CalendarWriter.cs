using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

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
/// Writes an RFC 5545 VCALENDAR with Ical.Net, which escapes TEXT values (§3.3.11), folds content lines at 75 octets
/// (§3.1) and ends them with CRLF. Every calendar holds a VTIMEZONE for Europe/Brussels, the zone of every MakerMap
/// place, so that a feed without events still has the one component §3.6 requires (a VCALENDAR with none is invalid,
/// and strict parsers reject it); events are in UTC and do not refer to it. The organisation and place feeds use it,
/// and so can anything else that offers events as <c>.ics</c>: one event is a list of one.
/// </summary>
public static class CalendarWriter
{
    /// <summary>The zone of every MakerMap place (IANA id).</summary>
    public const string TimeZone = "Europe/Brussels";

    /// <summary>The calendar as text: a VCALENDAR named <paramref name="name"/> holding <paramref name="events"/>.</summary>
    /// <param name="name">Shown by clients as the calendar's name (<c>X-WR-CALNAME</c>).</param>
    /// <param name="events">The events.</param>
    /// <param name="stamp">DTSTAMP of every event: when the feed was generated.</param>
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        var calendar = new IcalCalendar
        {
            ProductId = "-//MakerMap//MakerMap Calendar//EN",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // The zone's rules as they stand since the earliest instant the calendar shows (without earlier history,
        // which no event needs): Ical.Net takes them from NodaTime's copy of the IANA database.
        var earliest = list.Select(e => e.Start).Append(stamp).Min().UtcDateTime;
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, earliest, includeHistoricalData: false));
        foreach (var e in list)
        {
            var component = new IcalEvent
            {
                Uid = e.Uid,
                DtStamp = Utc(stamp),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Summary = e.Summary,
                Description = e.Description,
                Location = e.Location,
                Status = e.Status,
                Sequence = e.Sequence,
            };
            if (e.LastModified is { } modified)
            {
                component.LastModified = Utc(modified);
            }
            calendar.Events.Add(component);
        }
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}
