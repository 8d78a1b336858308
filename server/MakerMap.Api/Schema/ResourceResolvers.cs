using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

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
            .Bind("Resource", "schedules", _ => Array.Empty<Row>())
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
}
