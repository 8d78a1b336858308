using System.Collections.Concurrent;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// Opening hours as the <c>openAt</c> filters and <c>Place.isOpenAt</c> read them: parsed once per distinct
/// value (a shared cache) and evaluated in Europe/Brussels. Sessions are the SQL's part of the filter
/// (Graph/OpenAtValues.cs).
/// </summary>
public static class OpenAtFilter
{
    private const int CacheLimit = 10_000;

    // Places share a few hundred distinct values; parse each once. Invalid values are cached as null.
    private static readonly ConcurrentDictionary<string, OpeningHoursSchedule?> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="openingHours"/> says open at <paramref name="instant"/> in Europe/Brussels (false when null or invalid).</summary>
    public static bool IsOpenByHours(string? openingHours, DateTimeOffset instant) =>
        TryGetSchedule(openingHours) is { } schedule && schedule.IsOpenAt(instant);

    /// <summary>The parsed schedule of <paramref name="openingHours"/> from a shared cache, or null when null, blank or invalid.</summary>
    public static OpeningHoursSchedule? TryGetSchedule(string? openingHours)
    {
        if (string.IsNullOrWhiteSpace(openingHours))
        {
            return null;
        }
        if (Cache.TryGetValue(openingHours, out var cached))
        {
            return cached;
        }
        var schedule = OpeningHoursSchedule.TryParse(openingHours, out var parsed, out _) ? parsed : null;
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(openingHours, schedule);
        }
        return schedule;
    }
}
