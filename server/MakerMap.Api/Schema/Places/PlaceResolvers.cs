using System.Globalization;
using MakerMap.Data.Places.OpeningHours;
using MakerMap.Data.Schedules;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Place</c>, <c>PlaceHit</c> and <c>Session</c> fields. Related rows come through DataLoaders.
/// Opening hours are evaluated with the data layer's <see cref="OpenAtFilter"/> (Europe/Brussels);
/// <c>isOpenAt</c> is true during a session or when the hours say open, and null when the hours
/// do not parse (or neither hours nor sessions are known).
/// </summary>
public static class PlaceResolvers
{
    /// <summary>The time zone of opening hours and sessions.</summary>
    public const string TimeZone = "Europe/Brussels";

    /// <summary>Binds the place fields.</summary>
    public static SchemaBuilder BindPlaces(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("PlaceHit", "place", (ctx, _) => ctx.LoadPlace((Guid)((IReadOnlyDictionary<string, object?>)ctx.Source!)["placeId"]!))
            .Bind("Place", "coordinates", ctx => Coordinates(Source(ctx)))
            .Bind("Place", "address", ctx => Address(Source(ctx)))
            .Bind("Place", "description", ctx => PlaceDescriptions.Text(Source(ctx), ctx.Argument<string?>("language", null)))
            .Bind("Place", "descriptionLanguage", ctx => PlaceDescriptions.Language(Source(ctx), ctx.Argument<string?>("language", null)))
            .Bind("Place", "openingHours", ctx => OpeningHours(Source(ctx)["openingHoursRaw"] as string))
            .Bind("Place", "isOpenAt", IsOpenAtAsync)
            .Bind("Place", "upcomingSessions", UpcomingSessionsAsync)
            .Bind("Place", "resources", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("resourcesByPlace", ctx.Store().ResourcesByPlaceAsync).LoadAsync(Source(ctx).Uuid))
            .Bind("Place", "organisation", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("organisationId"), ctx.LoadOrganisation))
            .Bind("Place", "source", (ctx, _) => ctx.LoadDataSource((string)Source(ctx)["sourceCode"]!))
            .Bind("Session", "place", (ctx, _) => ctx.LoadPlace((Guid)Source(ctx)["placeId"]!));
    }

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;

    /// <summary>A <c>GeoPoint</c> from a row's <c>longitude</c> and <c>latitude</c>.</summary>
    public static Dictionary<string, object?> Coordinates(IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(StringComparer.Ordinal) { ["longitude"] = row["longitude"], ["latitude"] = row["latitude"] };
    }

    private static Dictionary<string, object?>? Address(Row place)
    {
        var street = place["street"] as string;
        var postalCode = place["postalCode"] as string;
        var locality = place["locality"] as string;
        if (street is null && postalCode is null && locality is null)
        {
            return null;
        }
        var town = string.Join(' ', new[] { postalCode, locality }.Where(s => !string.IsNullOrEmpty(s)));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["street"] = street,
            ["postalCode"] = postalCode,
            ["locality"] = locality,
            ["countryCode"] = place["countryCode"],
            ["formatted"] = string.Join(", ", new[] { street, town }.Where(s => !string.IsNullOrEmpty(s))),
        };
    }

    /// <summary>Whether <paramref name="place"/> holds a session at <paramref name="at"/>, batched per instant over a request.</summary>
    internal static async Task<bool> HasSessionAtAsync(ResolveContext ctx, Row place, DateTimeOffset at) =>
        await SessionAtAsync(ctx, place, at).ConfigureAwait(false) == true;

    private static Task<bool?> SessionAtAsync(ResolveContext ctx, Row place, DateTimeOffset at)
    {
        var store = ctx.Store();
        var loader = ctx.GetBatchLoader<Guid, bool?>("sessionsAt:" + at.UtcTicks, async (ids, token) =>
            (await store.SessionsAtAsync(ids, at, token).ConfigureAwait(false)).ToDictionary(kv => kv.Key, kv => (bool?)kv.Value));
        return loader.LoadAsync(place.Uuid);
    }

    private static async Task<bool?> IsOpenAtAsync(ResolveContext ctx, CancellationToken ct)
    {
        var place = Source(ctx);
        var at = ctx.Argument<DateTimeOffset>("at");
        var session = await SessionAtAsync(ctx, place, at).ConfigureAwait(false);
        if (session == true)
        {
            return true;
        }
        if (OpenAtFilter.TryGetSchedule(place["openingHoursRaw"] as string) is { } schedule)
        {
            return schedule.IsOpenAt(at);
        }
        // Hours that do not parse say nothing; neither do missing hours without sessions.
        return place["openingHoursRaw"] is null ? session : null;
    }

    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static Dictionary<string, object?>? OpeningHours(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var schedule = OpenAtFilter.TryGetSchedule(raw);
        var weekly = schedule is null ? [] : MondayFirst.SelectMany(day => schedule.Weekly[day]
            .Where(r => r.State == OpeningState.Open)
            .Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["day"] = day.ToString().ToUpperInvariant(),
                ["opens"] = r.Start.ToString("HH':'mm", CultureInfo.InvariantCulture),
                ["closes"] = r.EndMinute == 1440 ? "24:00" : r.End.ToString("HH':'mm", CultureInfo.InvariantCulture),
            })).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["raw"] = raw,
            ["weekly"] = weekly,
            ["isComplete"] = schedule is not null && schedule.Weekly.Exceptions.Count == 0,
            ["timeZone"] = TimeZone,
        };
    }

    private static async Task<List<Row>> UpcomingSessionsAsync(ResolveContext ctx, CancellationToken ct)
    {
        var first = Inputs.Range(ctx.Argument("first", 5), 1, 50, "first");
        var query = ctx.Service<UpcomingSessionsQuery>();
        var loader = ctx.GetBatchLoader<Guid, IReadOnlyList<Session>>("sessions:" + first,
            (ids, token) => query.ListForPlacesAsync(ids, first, token));
        var sessions = await loader.LoadAsync(Source(ctx).Uuid).ConfigureAwait(false) ?? [];
        return [.. sessions.Select(s => new Row("Session")
        {
            ["uuid"] = s.SlotId,
            ["title"] = s.Title,
            ["start"] = s.Start,
            ["end"] = s.End,
            ["isVerified"] = s.IsVerified,
            ["placeId"] = s.PlaceId,
        })];
    }
}
