using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>requestBookingSeries</c> and <c>cancelBookingSeries</c> (issue 16): the same rules as
/// <see cref="BookingMutations"/> for who may ask and who may cancel, with a payload that says per week
/// what became of it. A series the caller may not see is <c>NOT_FOUND</c>, so its existence does not leak.
/// </summary>
public static class BookingSeriesMutations
{
    /// <summary>Binds the series mutations.</summary>
    public static SchemaBuilder BindBookingSeriesMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "requestBookingSeries", RequestAsync)
            .Bind("Mutation", "cancelBookingSeries", CancelAsync);
    }

    private static async Task<Dictionary<string, object?>> RequestAsync(ResolveContext ctx, CancellationToken ct)
    {
        if (!BookingMutations.TryReadRequest(ctx, out var first, out var error))
        {
            return Fail(error!);
        }
        var weeks = Inputs.AsInt(ctx.Input().GetValueOrDefault("weeks")) ?? 0;
        var result = await ctx.Service<BookingCommands>().RequestBookingSeriesAsync(new RequestBookingSeriesCommand(first!, weeks), ct)
            .ConfigureAwait(false);
        var outcomes = result.Occurrences.Select(o => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["week"] = o.Week + 1,
            ["start"] = o.Start,
            ["end"] = o.End,
            ["booking"] = o.Booking is { } booking ? NodeResolvers.BookingRow(booking) : null,
            ["error"] = o.Failure is { } failure ? BookingMutations.ToUserError(failure) : null,
        }).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["series"] = result.Series is { } series ? BookingSeriesResolvers.SeriesRow(series) : null,
            ["occurrences"] = outcomes,
            ["errors"] = result.Failure is { } whole ? new[] { BookingMutations.ToUserError(whole) } : Array.Empty<UserError>(),
        };
    }

    private static async Task<Dictionary<string, object?>> CancelAsync(ResolveContext ctx, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            return CancelFail(UserError.Unauthenticated());
        }
        if (!TryId(input, "seriesId", "BookingSeries", out var seriesId, out var error))
        {
            return CancelFail(error!);
        }
        var series = (await ctx.Service<BookingSeriesQueries>().ByIdsAsync([seriesId], ct).ConfigureAwait(false)).GetValueOrDefault(seriesId);
        var parties = series is null ? null : await BookingSeriesResolvers.PartiesAsync(ctx, series).ConfigureAwait(false);
        var policy = ctx.Service<AccessPolicy>();
        if (parties is null || !policy.CanSeeBooking(principal, parties))
        {
            return CancelFail(new UserError(UserErrorCodes.NotFound, "There is no booking series with this id.", ["input", "seriesId"]));
        }
        if (!policy.CanCancel(principal, parties))
        {
            return CancelFail(UserError.Forbidden(
                "Only the booker, the booking organisation's admins and the resource's managers may cancel this series."));
        }
        var result = await ctx.Service<BookingCommands>().CancelBookingSeriesAsync(seriesId, input.GetValueOrDefault("fromStart") as DateTimeOffset?,
            input.GetValueOrDefault("reason") as string, ct).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            return CancelFail(BookingMutations.ToUserError(failure));
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["series"] = BookingSeriesResolvers.SeriesRow(result.Series!),
            ["cancelled"] = result.Cancelled.Select(NodeResolvers.BookingRow).ToList(),
            ["errors"] = Array.Empty<UserError>(),
        };
    }

    private static Dictionary<string, object?> Fail(UserError error) => new(StringComparer.Ordinal)
    {
        ["series"] = null,
        ["occurrences"] = Array.Empty<object>(),
        ["errors"] = new[] { error },
    };

    private static Dictionary<string, object?> CancelFail(UserError error) => new(StringComparer.Ordinal)
    {
        ["series"] = null,
        ["cancelled"] = Array.Empty<object>(),
        ["errors"] = new[] { error },
    };
}
