using MakerMap.Data.Bookings;
using MakerMap.Data.Schedules;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Schedule</c> fields, <c>Resource.schedules</c> and <c>Booking.cancellationReason</c>, through
/// DataLoaders so lists of resources or bookings cost one query per level.
/// </summary>
public static class ScheduleResolvers
{
    /// <summary>Binds the fields.</summary>
    public static SchemaBuilder BindSchedules(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Resource", "schedules", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("schedulesByResource", SchedulesByResourceAsync(ctx)).LoadAsync(Source(ctx).Uuid))
            .Bind("Schedule", "resource", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("resourceId"), ctx.LoadResource))
            .Bind("Schedule", "place", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("placeId"), ctx.LoadPlace))
            .Bind("Booking", "cancellationReason", async (ctx, _) =>
                await ctx.GetBatchLoader<Guid, string>("cancellationReason", ctx.Service<CancellationReasons>().ByIdsAsync)
                    .LoadAsync(Source(ctx).Uuid).ConfigureAwait(false));
    }

    /// <summary>Loads a schedule by id (null when unknown).</summary>
    public static Task<Row?> LoadSchedule(this ResolveContext context, Guid id)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetBatchLoader<Guid, Row>("schedule", async (ids, ct) =>
            (await context.Service<ScheduleQueries>().ByIdsAsync(ids, ct).ConfigureAwait(false))
                .ToDictionary(s => s.Id, ToRow) as IReadOnlyDictionary<Guid, Row>).LoadAsync(id);
    }

    /// <summary>The GraphQL row of a schedule.</summary>
    public static Row ToRow(ScheduleRecord s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new Row("Schedule")
        {
            ["uuid"] = s.Id,
            ["kind"] = s.Kind.ToUpperInvariant(),
            ["title"] = s.Title,
            ["startsLocal"] = s.StartsLocal,
            ["durationMinutes"] = s.DurationMinutes,
            ["timeZone"] = s.TimeZone,
            ["rrule"] = s.RRule,
            ["excludedDates"] = s.ExcludedDates,
            ["capacity"] = s.Capacity,
            ["isVerified"] = s.IsVerified,
            ["resourceId"] = s.ResourceId,
            ["placeId"] = s.PlaceId,
        };
    }

    private static Func<IReadOnlyList<Guid>, CancellationToken, Task<ILookup<Guid, Row>>> SchedulesByResourceAsync(ResolveContext ctx) =>
        async (ids, ct) => (await ctx.Service<ScheduleQueries>().ByResourcesAsync(ids, ct).ConfigureAwait(false))
            .ToLookup(s => s.ResourceId!.Value, ToRow);

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;
}
