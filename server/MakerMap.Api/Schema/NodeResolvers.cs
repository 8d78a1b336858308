using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Node</c>: global ids on every node type, <c>Query.node</c>/<c>nodes</c> (malformed ids are
/// <c>BAD_USER_INPUT</c>; unknown or invisible objects are null) and the interface's type resolver.
/// </summary>
public static class NodeResolvers
{
    private static readonly string[] NodeTypes = ["Place", "Resource", "Slot", "Session", "Schedule", "Organisation", "Account", "Booking", "BookingSeries", "Area"];

    /// <summary>Binds <c>id</c> on every node type, <c>node</c>, <c>nodes</c> and the <c>Node</c> type resolver.</summary>
    public static SchemaBuilder BindNodes(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var type in NodeTypes)
        {
            builder.Bind(type, "id", ctx => GlobalId.Encode(type, ((Row)ctx.Source!).Uuid));
        }
        return builder
            .ResolveType("Node", (value, _) => (value as Row)?.TypeName)
            .Bind("Query", "node", (ctx, ct) => FetchAsync(ctx, ctx.Argument<string>("id"), "id", ct))
            .Bind("Query", "nodes", NodesAsync);
    }

    private static async Task<Row?[]> NodesAsync(ResolveContext ctx, CancellationToken ct)
    {
        // Lists arrive coerced as sequences of objects (the SDL makes this one [ID!]!), not as List<string>.
        var ids = ctx.Arguments.GetValueOrDefault("ids") is IEnumerable<object?> values
            ? values.Select(v => v as string).ToList()
            : [];
        if (ids.Count > 100)
        {
            throw Errors.BadInput($"\"ids\" may hold at most 100 ids, got {ids.Count}.", UserErrorCodes.InvalidInput, "ids");
        }
        // Every id is decoded before anything is loaded, so a malformed one fails the field without side work.
        var decoded = new (string Type, Guid Id)[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!GlobalId.TryDecode(ids[i], out var type, out var id))
            {
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw Errors.BadInput($"\"ids[{index}]\" is not a valid global id.", UserErrorCodes.InvalidInput, "ids", index);
            }
            decoded[i] = (type, id);
        }
        return await Task.WhenAll(decoded.Select(d => FetchAsync(ctx, d.Type, d.Id, ct))).ConfigureAwait(false);
    }

    /// <summary>The object a global id names, or null when there is none the caller may see.</summary>
    public static Task<Row?> FetchAsync(ResolveContext ctx, string globalId, string argument, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var (type, id) = GlobalId.Decode(globalId, argument);
        return FetchAsync(ctx, type, id, ct);
    }

    private static Task<Row?> FetchAsync(ResolveContext ctx, string type, Guid id, CancellationToken ct) =>
        type switch
        {
            "Place" => ctx.LoadPlace(id),
            "Resource" => ctx.LoadResource(id),
            "Organisation" => ctx.LoadOrganisation(id),
            "Account" => ctx.LoadAccount(id),
            "Area" => ctx.LoadArea(id),
            "Slot" => SlotOrSessionAsync(ctx, id, session: false),
            "Session" => SlotOrSessionAsync(ctx, id, session: true),
            "Booking" => VisibleBookingAsync(ctx, id, ct),
            "BookingSeries" => BookingSeriesResolvers.VisibleSeriesAsync(ctx, id, ct),
            "Schedule" => ctx.LoadSchedule(id),
            _ => Task.FromResult<Row?>(null),
        };

    // Sessions are slots with a place; availability slots have a resource.
    private static async Task<Row?> SlotOrSessionAsync(ResolveContext ctx, Guid id, bool session)
    {
        var slot = await ctx.LoadSlot(id).ConfigureAwait(false);
        if (slot is null || (slot["placeId"] is not null) != session || (bool)slot["isCancelled"]!)
        {
            return null;
        }
        return session ? SessionRow(slot) : slot;
    }

    private static Row SessionRow(Row slot)
    {
        var row = new Row("Session");
        foreach (var (key, value) in slot)
        {
            row[key] = value;
        }
        row["title"] = slot.GetValueOrDefault("title") ?? "Session";
        row["isVerified"] = slot.GetValueOrDefault("isVerified") ?? false;
        return row;
    }

    /// <summary>A booking, when the caller may see it (its booker, the organisation's members, the resource's managers, admins).</summary>
    public static Task<Row?> VisibleBookingAsync(ResolveContext ctx, Guid? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return VisibleBookingAsync(ctx, id, ctx.LoadResource, ct);
    }

    /// <summary>
    /// The same, loading the booking's resource with <paramref name="loadResource"/>: outside an execution
    /// (when a subscription starts) DataLoaders are never dispatched, so the store must be asked directly.
    /// </summary>
    public static async Task<Row?> VisibleBookingAsync(ResolveContext ctx, Guid? id, Func<Guid, Task<Row?>> loadResource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(loadResource);
        if (id is null)
        {
            return null;
        }
        var booking = await ctx.Service<BookingCommands>().GetBookingAsync(id.Value, ct).ConfigureAwait(false);
        if (booking is null)
        {
            return null;
        }
        var resource = await loadResource(booking.ResourceId).ConfigureAwait(false);
        var parties = new BookingParties(booking.BookedBy, booking.OrganisationId, resource?.GuidOrNull("organisationId"));
        return ctx.Service<AccessPolicy>().CanSeeBooking(ctx.Principal(), parties) ? BookingRow(booking) : null;
    }

    /// <summary>The GraphQL row of a booking.</summary>
    public static Row BookingRow(Booking b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new Row("Booking")
        {
            ["uuid"] = b.Id,
            ["resourceId"] = b.ResourceId,
            ["slotId"] = b.SlotId,
            ["start"] = b.Start,
            ["end"] = b.End,
            ["quantity"] = b.Quantity,
            ["status"] = b.Status.ToUpperInvariant(),
            ["organisationId"] = b.OrganisationId,
            ["bookedById"] = b.BookedBy,
            ["purpose"] = b.Purpose,
            ["deploymentLocation"] = b.DeploymentLocation,
            ["deploymentAddress"] = b.DeploymentAddress,
            ["confirmedRequirements"] = b.ConfirmedRequirements,
            ["expiresAt"] = b.Status is BookingStatus.Requested or BookingStatus.Waitlisted ? b.ExpiresAt : null,
            ["decidedById"] = b.DecidedBy,
            ["decidedAt"] = b.DecidedAt,
            ["decisionNote"] = b.DecisionNote,
            ["createdAt"] = b.CreatedAt,
            // The data layer's Booking has no updated_at; the last known change stands in for it.
            ["updatedAt"] = b.DecidedAt ?? b.CreatedAt,
        };
    }
}
