using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Booking.series</c> and the fields of <c>BookingSeries</c>, through DataLoaders. A series is visible to whoever
/// may see its bookings (<see cref="AccessPolicy.CanSeeBooking"/> over the series' booker, organisation and resource).
/// </summary>
public static class BookingSeriesResolvers
{
    /// <summary>Binds the fields.</summary>
    public static SchemaBuilder BindBookingSeries(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Booking", "series", async (ctx, ct) =>
            {
                var seriesId = await ctx.GetBatchLoader<Guid, Guid>("seriesOfBooking", ctx.Service<BookingSeriesQueries>().SeriesIdsOfBookingsAsync)
                    .LoadAsync(((Row)ctx.Source!).Uuid).ConfigureAwait(false);
                // the booking itself was visible, and so is its series: same booker, organisation and resource
                return seriesId == Guid.Empty ? null : await ctx.LoadSeries(seriesId).ConfigureAwait(false);
            })
            .Bind("BookingSeries", "resource", (ctx, _) => ctx.LoadResource((Guid)Source(ctx)["resourceId"]!))
            .Bind("BookingSeries", "organisation", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("organisationId"), ctx.LoadOrganisation))
            .Bind("BookingSeries", "bookedBy", (ctx, _) => Loaders.LoadOptional(Source(ctx).GuidOrNull("bookedById"), ctx.LoadAccount))
            .Bind("BookingSeries", "occurrences", async (ctx, _) =>
                await ctx.GetBatchLoader<Guid, Row[]>("seriesOccurrences", async (ids, ct) =>
                        (await ctx.Service<BookingSeriesQueries>().OccurrencesAsync(ids, ct).ConfigureAwait(false))
                            .ToDictionary(kv => kv.Key, kv => kv.Value.Select(o => NodeResolvers.BookingRow(o.Booking)).ToArray())
                            as IReadOnlyDictionary<Guid, Row[]>)
                    .LoadAsync(Source(ctx).Uuid).ConfigureAwait(false) ?? []);
    }

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;

    /// <summary>Loads a series by id (null when unknown), whoever the caller is.</summary>
    public static Task<Row?> LoadSeries(this ResolveContext context, Guid id)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetBatchLoader<Guid, Row>("bookingSeries", async (ids, ct) =>
            (await context.Service<BookingSeriesQueries>().ByIdsAsync(ids, ct).ConfigureAwait(false))
                .ToDictionary(kv => kv.Key, kv => SeriesRow(kv.Value)) as IReadOnlyDictionary<Guid, Row>).LoadAsync(id);
    }

    /// <summary>A series by id when the caller may see it (for <c>node</c>).</summary>
    public static async Task<Row?> VisibleSeriesAsync(ResolveContext ctx, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var series = (await ctx.Service<BookingSeriesQueries>().ByIdsAsync([id], ct).ConfigureAwait(false)).GetValueOrDefault(id);
        if (series is null)
        {
            return null;
        }
        var parties = await PartiesAsync(ctx, series).ConfigureAwait(false);
        return ctx.Service<AccessPolicy>().CanSeeBooking(ctx.Principal(), parties) ? SeriesRow(series) : null;
    }

    /// <summary>Who a series concerns: its booker, its organisation and its resource's organisation.</summary>
    public static async Task<BookingParties> PartiesAsync(ResolveContext ctx, BookingSeries series)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(series);
        var resource = await ctx.LoadResource(series.ResourceId).ConfigureAwait(false);
        return new BookingParties(series.BookedBy, series.OrganisationId, resource?.GuidOrNull("organisationId"));
    }

    /// <summary>The GraphQL row of a series.</summary>
    public static Row SeriesRow(BookingSeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new Row("BookingSeries")
        {
            ["uuid"] = s.Id,
            ["resourceId"] = s.ResourceId,
            ["organisationId"] = s.OrganisationId,
            ["bookedById"] = s.BookedBy,
            ["start"] = s.Start,
            ["end"] = s.End,
            ["weeks"] = s.Weeks,
            ["quantity"] = s.Quantity,
            ["purpose"] = s.Purpose,
            ["createdAt"] = s.CreatedAt,
        };
    }
}
