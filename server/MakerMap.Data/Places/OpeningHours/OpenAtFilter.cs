using System.Collections.Concurrent;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>
/// The <c>openAt</c> filter: a place passes when its opening hours say open at the instant (Europe/Brussels),
/// or when it holds a session then (a repair café's slot, see <see cref="PlaceSessionQueries"/>). Places
/// without opening hours, or with a value that does not parse, pass only through a session.
/// </summary>
public sealed class OpenAtFilter(PlaceSessionQueries sessions)
{
    private const int CacheLimit = 10_000;

    // Places share a few hundred distinct values; parse each once. Invalid values are cached as null.
    private static readonly ConcurrentDictionary<string, OpeningHoursSchedule?> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The items whose place is open or holding a session at <paramref name="instant"/>, in their order.
    /// Sessions are looked up in one query, only for places not already open by their hours.
    /// </summary>
    public async Task<IReadOnlyList<T>> KeepOpenAsync<T>(IReadOnlyList<T> items, Func<T, Place> placeOf, DateTimeOffset instant,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(placeOf);
        var openByHours = new bool[items.Count];
        var ask = new List<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var place = placeOf(items[i]);
            openByHours[i] = IsOpenByHours(place.OpeningHours, instant);
            if (!openByHours[i])
            {
                ask.Add(place.Id);
            }
        }
        var withSession = ask.Count == 0
            ? new HashSet<Guid>()
            : await sessions.FindPlacesWithSessionAtAsync(ask, instant, cancellationToken).ConfigureAwait(false);
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (openByHours[i] || withSession.Contains(placeOf(items[i]).Id))
            {
                result.Add(items[i]);
            }
        }
        return result;
    }

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
