namespace MakerMap.Data.Schedules;

/// <summary>Wall-clock times in a zone to instants, with RFC 5545's rules for DST transitions.</summary>
public static class ZonedTime
{
    /// <summary>The zone for <paramref name="id"/> (IANA, e.g. <c>Europe/Brussels</c>), or null if unknown.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The instant of <paramref name="local"/> in <paramref name="zone"/>. A time that falls in the
    /// spring-forward gap is read with the offset before the gap, i.e. it moves forward by the gap's
    /// length (02:30 becomes 03:30 CEST), as RFC 5545 §3.3.5 prescribes; a time that occurs twice
    /// in autumn means its first occurrence (the summer-time one).
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Transitions are hours apart, so half a day earlier is safely before the gap.
            offset = zone.GetUtcOffset(local.AddHours(-12));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc));
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone), DateTimeKind.Unspecified);
}
