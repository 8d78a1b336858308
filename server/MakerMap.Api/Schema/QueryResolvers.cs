using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Bookings;
using MakerMap.Data.Places;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>Root query fields: nearest places, place pages, lookups by id, availability, areas, viewer.</summary>
public static class QueryResolvers
{
    /// <summary>Longest <c>availability</c> window.</summary>
    public static readonly TimeSpan MaxAvailabilityWindow = TimeSpan.FromDays(92);

    private static readonly Dictionary<string, object?> NotFoundResource = new() { ["field"] = new[] { "resourceId" } };

    /// <summary>Binds the <c>Query</c> fields other than <c>node</c>, <c>nodes</c> and <c>coverage</c>.</summary>
    public static SchemaBuilder BindQueries(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Query", "nearestPlaces", NearestPlacesAsync)
            .Bind("Query", "places", PlacesAsync)
            .Bind("Query", "place", (ctx, _) => Optional(GlobalId.ArgumentAs(ctx, "id", "Place"), ctx.LoadPlace))
            .Bind("Query", "placeBySlug", (ctx, ct) => ctx.Service<PlaceSearch>().BySlugAsync(ctx.Argument<string>("slug"), ct))
            .Bind("Query", "resource", (ctx, _) => Optional(GlobalId.ArgumentAs(ctx, "id", "Resource"), ctx.LoadResource))
            .Bind("Query", "organisation", (ctx, _) => Optional(GlobalId.ArgumentAs(ctx, "id", "Organisation"), ctx.LoadOrganisation))
            .Bind("Query", "availability", (ctx, ct) => AvailabilityAsync(ctx, ctx.Argument<string>("resourceId"), ct))
            .Bind("Query", "booking", (ctx, ct) => NodeResolvers.VisibleBookingAsync(ctx, GlobalId.ArgumentAs(ctx, "id", "Booking"), ct))
            .Bind("Query", "areas", AreasAsync)
            .Bind("Query", "viewer", (ctx, _) => Optional(ctx.Principal().GetAccountId(), ctx.LoadAccount));
    }

    private static Task<Row?> Optional(Guid? id, Func<Guid, Task<Row?>> load) => Loaders.LoadOptional(id, load);

    private static async Task<object?> NearestPlacesAsync(ResolveContext ctx, CancellationToken ct)
    {
        var (lon, lat) = Inputs.Point(ctx.Arguments.GetValueOrDefault("near"), "near");
        // first, maxDistanceMeters, kinds, categories and wheelchair are checked once, by the data layer's NearestSearch
        var query = new NearestPlacesQuery
        {
            Longitude = lon,
            Latitude = lat,
            Limit = ctx.Argument("first", 10),
            Kinds = NonEmpty(Inputs.EnumList(ctx.Arguments.GetValueOrDefault("kinds")), "kinds"),
            Categories = NonEmpty(Inputs.EnumList(ctx.Arguments.GetValueOrDefault("categories")), "categories"),
            Wheelchair = NonEmpty(Inputs.EnumList(ctx.Arguments.GetValueOrDefault("wheelchair")), "wheelchair"),
            MaxDistanceMeters = ctx.Argument<double?>("maxDistanceMeters", null),
            OpenAt = ctx.Arguments.GetValueOrDefault("openAt") as DateTimeOffset?,
        };
        List<Row> hits;
        try
        {
            hits = await ctx.Store().NearestPlacesAsync(query, ct).ConfigureAwait(false);
        }
        catch (DataValidationException e)
        {
            throw Errors.BadInput(e.Message, UserErrorCodes.InvalidInput, e.Field);
        }
        // The search already read each place's row: hand it to the place loader, so PlaceHit.place
        // needs no second query.
        var placeLoader = ctx.GetBatchLoader<Guid, Row>("place", ctx.Store().PlacesAsync);
        return hits.Select(h =>
        {
            placeLoader.Prime(h.Uuid, h);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["distanceMeters"] = h["distanceMeters"],
                ["placeId"] = h.Uuid,
            };
        }).ToList();
    }

    // An empty list filters nothing in: say so rather than return nothing.
    private static IReadOnlyList<string>? NonEmpty(IReadOnlyList<string>? values, string field) =>
        values is { Count: 0 }
            ? throw Errors.BadInput($"\"{field}\" must not be empty; leave it out to match everything.", UserErrorCodes.InvalidInput, field)
            : values;

    private static Task<Dictionary<string, object?>> PlacesAsync(ResolveContext ctx, CancellationToken ct)
    {
        var first = Inputs.Range(ctx.Argument("first", 20), 1, 100, "first");
        var after = PlaceSearch.DecodeCursor(ctx.Arguments.GetValueOrDefault("after") as string);
        var f = Inputs.Map(ctx.Arguments.GetValueOrDefault("filter")) ?? new Dictionary<string, object?>();
        (double, double, double, double)? box = null;
        if (Inputs.Map(f.GetValueOrDefault("boundingBox")) is { } b)
        {
            var (w, s) = Inputs.Point(new Dictionary<string, object?> { ["longitude"] = b["west"], ["latitude"] = b["south"] }, "filter", "boundingBox");
            var (e, n) = Inputs.Point(new Dictionary<string, object?> { ["longitude"] = b["east"], ["latitude"] = b["north"] }, "filter", "boundingBox");
            if (e <= w || n <= s)
            {
                throw Errors.BadInput("The bounding box needs east > west and north > south.", UserErrorCodes.InvalidCoordinates, "filter", "boundingBox");
            }
            box = (w, s, e, n);
        }
        var filter = new PlaceFilterArgs
        {
            Kinds = NonEmpty(Inputs.EnumList(f.GetValueOrDefault("kinds")), "kinds"),
            Categories = NonEmpty(Inputs.EnumList(f.GetValueOrDefault("categories")), "categories"),
            Wheelchair = NonEmpty(Inputs.EnumList(f.GetValueOrDefault("wheelchair")), "wheelchair"),
            Locality = f.GetValueOrDefault("locality") as string,
            AreaId = f.GetValueOrDefault("areaId") is string area ? GlobalId.DecodeAs(area, "Area", "areaId") ?? Guid.Empty : null,
            MunicipalityCode = f.GetValueOrDefault("municipalityCode") as string,
            Box = box,
            Text = f.GetValueOrDefault("text") is string { Length: > 0 } text ? text : null,
            OrganisationId = f.GetValueOrDefault("organisationId") is string org ? GlobalId.DecodeAs(org, "Organisation", "organisationId") ?? Guid.Empty : null,
            OpenAt = f.GetValueOrDefault("openAt") as DateTimeOffset?,
        };
        return ctx.Service<PlaceSearch>().PageAsync(filter, first, after, ct);
    }

    /// <summary>Slots of a resource overlapping [from, to); reversed or too long windows are <c>BAD_USER_INPUT</c>.</summary>
    public static async Task<List<Row>?> AvailabilityAsync(ResolveContext ctx, string globalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var resourceId = GlobalId.DecodeAs(globalId, "Resource", "resourceId");
        var from = ctx.Argument<DateTimeOffset>("from");
        var to = ctx.Argument<DateTimeOffset>("to");
        if (to <= from)
        {
            throw Errors.BadInput("\"to\" must be after \"from\".", UserErrorCodes.InvalidPeriod, "to");
        }
        if (to - from > MaxAvailabilityWindow)
        {
            throw Errors.BadInput($"The window may span at most {MaxAvailabilityWindow.TotalDays} days.", UserErrorCodes.InvalidPeriod, "to");
        }
        var availability = resourceId is { } id
            ? await ctx.Service<AvailabilityQueries>().GetAvailabilityAsync(id, from, to, ct).ConfigureAwait(false)
            : null;
        if (availability is null)
        {
            throw new GraphQLException("There is no resource with this id.", UserErrorCodes.NotFound, NotFoundResource);
        }
        return SlotRows(availability);
    }

    /// <summary>The bookable (not cancelled) slots of an availability answer, as <c>Slot</c> rows.</summary>
    public static List<Row> SlotRows(ResourceAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return [.. availability.Slots.Where(s => !s.IsCancelled).Select(s => new Row("Slot")
        {
            ["uuid"] = s.SlotId,
            ["start"] = s.Start,
            ["end"] = s.End,
            ["capacity"] = s.Capacity,
            ["remaining"] = s.Remaining,
            ["resourceId"] = availability.ResourceId,
        })];
    }

    private static Task<List<Row>> AreasAsync(ResolveContext ctx, CancellationToken ct)
    {
        var first = Inputs.Range(ctx.Argument("first", 10), 1, 50, "first");
        var search = ctx.Argument<string>("search").Trim();
        if (search.Length == 0)
        {
            throw Errors.BadInput("\"search\" must not be empty.", UserErrorCodes.InvalidInput, "search");
        }
        var level = (ctx.Arguments.GetValueOrDefault("level") as string)?.ToLowerInvariant();
        return ctx.Service<PlaceSearch>().AreasAsync(search, level, first, ct);
    }
}
