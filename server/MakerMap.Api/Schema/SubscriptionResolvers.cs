using System.Runtime.CompilerServices;
using MakerMap.Api.Auth;
using MakerMap.Api.Live;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Subscription</c>: events from <see cref="LiveChangeHub"/> (the database's notifications, so changes made
/// on any instance or by a job arrive) resolved through the ordinary loaders, so every event carries fresh
/// state. Unknown ids, and bookings the caller may not see, are refused at subscribe time with <c>NOT_FOUND</c>.
/// </summary>
public static class SubscriptionResolvers
{
    /// <summary>Binds <c>slotAvailabilityChanged</c>, <c>bookingUpdated</c> and <c>SlotAvailabilityChange</c>.</summary>
    public static SchemaBuilder BindSubscriptions(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .BindSubscriptionAsync<Row>("slotAvailabilityChanged", SubscribeToAvailabilityAsync)
            .BindSubscriptionAsync<BookingChange>("bookingUpdated", SubscribeToBookingAsync)
            .Bind("Subscription", "bookingUpdated", BookingAfterChangeAsync)
            .Bind("SlotAvailabilityChange", "resource", (ctx, _) => ctx.LoadResource((Guid)((Row)ctx.Source!)["resourceId"]!))
            .Bind("SlotAvailabilityChange", "slots", SlotsAsync);
    }

    private static async ValueTask<IAsyncEnumerable<Row>> SubscribeToAvailabilityAsync(ResolveContext ctx, CancellationToken ct)
    {
        var resourceId = GlobalId.ArgumentAs(ctx, "resourceId", "Resource");
        if (resourceId is not { } id || await ResourceOutsideExecutionAsync(ctx, id, ct).ConfigureAwait(false) is null)
        {
            throw NotFound("There is no resource with this id.", "resourceId");
        }
        // Subscribed before the stream is first read, so nothing that happens from now on is missed.
        return AvailabilityEvents(ctx.Service<LiveChangeHub>().SubscribeToResource(id), ct);
    }

    private static async IAsyncEnumerable<Row> AvailabilityEvents(LiveSubscription subscription, [EnumeratorCancellation] CancellationToken ct)
    {
        using (subscription)
        {
            await foreach (var change in subscription.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return new Row("SlotAvailabilityChange")
                {
                    ["resourceId"] = change.ResourceId,
                    ["start"] = change.Start,
                    ["end"] = change.End,
                };
            }
        }
    }

    private static async Task<List<Row>> SlotsAsync(ResolveContext ctx, CancellationToken ct)
    {
        var change = (Row)ctx.Source!;
        var start = (DateTimeOffset)change["start"]!;
        var end = (DateTimeOffset)change["end"]!;
        // A merged catch-up span may exceed what one availability read allows; the slots that matter lie ahead.
        if (end - start > AvailabilityQueries.MaxWindow)
        {
            end = start + AvailabilityQueries.MaxWindow;
        }
        var availability = await ctx.Service<AvailabilityQueries>()
            .GetAvailabilityAsync((Guid)change["resourceId"]!, start, end, ct).ConfigureAwait(false);
        return availability is null ? [] : QueryResolvers.SlotRows(availability);
    }

    private static async ValueTask<IAsyncEnumerable<BookingChange>> SubscribeToBookingAsync(ResolveContext ctx, CancellationToken ct)
    {
        var id = GlobalId.ArgumentAs(ctx, "id", "Booking");
        // The WebSocket was authenticated when it opened, possibly long ago: its session must still hold now.
        var session = SessionCheck.Capture(ctx.Service<IHttpContextAccessor>().HttpContext);
        if (ctx.Principal().GetAccountId() is null
            || await ctx.Service<SessionCheck>().CurrentPrincipalAsync(session, ct).ConfigureAwait(false) is not { } principal)
        {
            throw Unauthenticated("Sign in to follow a booking.");
        }
        ctx.UsePrincipal(principal);
        if (id is not { } bookingId)
        {
            throw NotFound(NoVisibleBooking, "id");
        }
        var subscription = ctx.Service<LiveChangeHub>().SubscribeToBooking(bookingId);
        var visible = await NodeResolvers.VisibleBookingAsync(ctx, bookingId, resource => ResourceOutsideExecutionAsync(ctx, resource, ct), ct)
            .ConfigureAwait(false);
        if (visible is null)
        {
            subscription.Dispose();
            throw NotFound(NoVisibleBooking, "id");
        }
        return BookingEvents(new BookingChange(bookingId, session, subscription), ct);
    }

    private static async IAsyncEnumerable<BookingChange> BookingEvents(BookingChange change, [EnumeratorCancellation] CancellationToken ct)
    {
        using (change.Subscription)
        {
            await foreach (var _ in change.Subscription.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return change;
                if (change.Subscription.IsRevoked)
                {
                    yield break;
                }
            }
        }
    }

    // Access is checked again per event with the session and memberships as they are now: a revoked token, an
    // expired cookie or a member who left the organisation gets one error instead of the booking, and the stream ends.
    private static async Task<Row> BookingAfterChangeAsync(ResolveContext ctx, CancellationToken ct)
    {
        var change = (BookingChange)ctx.Source!;
        if (await ctx.Service<SessionCheck>().CurrentPrincipalAsync(change.Session, ct).ConfigureAwait(false) is not { } principal)
        {
            change.Subscription.Revoke();
            throw Unauthenticated("Your session has ended; sign in again to follow this booking.");
        }
        ctx.UsePrincipal(principal);
        if (await NodeResolvers.VisibleBookingAsync(ctx, change.BookingId, ct).ConfigureAwait(false) is { } booking)
        {
            return booking;
        }
        change.Subscription.Revoke();
        throw NotFound(NoVisibleBooking, "id");
    }

    // Subscribing runs before any execution, where DataLoaders would wait for a dispatch that never comes.
    private static async Task<Row?> ResourceOutsideExecutionAsync(ResolveContext ctx, Guid id, CancellationToken ct) =>
        (await ctx.Store().ResourcesAsync([id], ct).ConfigureAwait(false)).GetValueOrDefault(id);

    private const string NoVisibleBooking = "There is no booking with this id that you may see.";

    private static GraphQLException NotFound(string message, string field) =>
        new(message, UserErrorCodes.NotFound, new Dictionary<string, object?> { ["field"] = new[] { field } });

    private static GraphQLException Unauthenticated(string message) => new(message, UserErrorCodes.Unauthenticated);

    private sealed record BookingChange(Guid BookingId, SignedInSession Session, LiveSubscription Subscription);
}
