using MakerMap.Data.Bookings;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using NetTopologySuite.Geometries;

namespace MakerMap.Api.Schema;

/// <summary><c>Resource</c>, <c>Slot</c>, <c>Booking</c> and <c>Area</c> fields that follow links.</summary>
public static class ResourceResolvers
{
    /// <summary>Binds the fields.</summary>
    public static SchemaBuilder BindResources(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Resource", "requirements", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("requirements", ctx.Store().RequirementsAsync).LoadAsync(Source(ctx).Uuid))
            .Bind("Resource", "homePlace", (ctx, _) => ctx.LoadPlace((Guid)Source(ctx)["homePlaceId"]!))
            .Bind("Resource", "organisation", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("organisationId"), ctx.LoadOrganisation))
            .Bind("Resource", "availability", (ctx, ct) => QueryResolvers.AvailabilityAsync(ctx, GlobalId.Encode("Resource", Source(ctx).Uuid), ct))
            .Bind("Resource", "deployments", DeploymentsAsync)
            .Bind("Resource", "bookings", BookingPages.ResolveAsync)
            .Bind("Resource", "source", (ctx, _) => ctx.LoadDataSource((string)Source(ctx)["sourceCode"]!))
            .Bind("Slot", "resource", (ctx, _) => ctx.LoadResource((Guid)Source(ctx)["resourceId"]!))
            .Bind("Booking", "resource", (ctx, _) => ctx.LoadResource((Guid)Source(ctx)["resourceId"]!))
            .Bind("Booking", "slot", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("slotId"), ctx.LoadSlot))
            .Bind("Booking", "organisation", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("organisationId"), ctx.LoadOrganisation))
            .Bind("Booking", "bookedBy", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("bookedById"), ctx.LoadAccount))
            .Bind("Booking", "decidedBy", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("decidedById"), ctx.LoadAccount))
            .Bind("Area", "source", (ctx, _) => ctx.LoadDataSource((string)Source(ctx)["sourceCode"]!));
    }

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;

    // Same window rules and error reasons as availability, so clients handle both alike.
    private static async Task<object?> DeploymentsAsync(ResolveContext ctx, CancellationToken ct)
    {
        var from = ctx.Argument<DateTimeOffset>("from");
        var to = ctx.Argument<DateTimeOffset>("to");
        if (to <= from)
        {
            throw Errors.BadInput("\"to\" must be after \"from\".", UserErrorCodes.InvalidPeriod, "to");
        }
        if (to - from > DeploymentQueries.MaxWindow)
        {
            throw Errors.BadInput($"The window may span at most {DeploymentQueries.MaxWindow.TotalDays} days.", UserErrorCodes.InvalidPeriod, "to");
        }
        var deployments = await ctx.Service<DeploymentQueries>().ListAsync(Source(ctx).Uuid, from, to, ct).ConfigureAwait(false);
        return deployments.Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["start"] = d.Start,
            ["end"] = d.End,
            ["location"] = new Point(d.Longitude, d.Latitude),
            ["coordinates"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["longitude"] = d.Longitude, ["latitude"] = d.Latitude },
            ["address"] = d.Address,
        }).ToList();
    }
}
