using System.Runtime.CompilerServices;
using System.Security.Claims;
using MakerMap.Api.Auth;
using MakerMap.Api.Live;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Subscription.requestsToDecideChanged</c>: a resource manager's approval queue, sent again whenever a booking
/// of a resource they decide on changes (a new request, a decision, a cancellation, an expiry), so a queue left
/// open shows new requests without a reload. The stream listens to every booking change and keeps only those of
/// resources whose organisation the account manages <em>at that moment</em> (session and memberships re-read per
/// change): a manager of another organisation never hears of a request, and one whose role was taken away hears
/// nothing more. The payload is the queue itself, read with the same rule as <c>Query.requestsToDecide</c>.
/// </summary>
public static class ApprovalQueueSubscription
{
    private const int QueueSize = 100;

    /// <summary>Binds <c>requestsToDecideChanged</c>.</summary>
    public static SchemaBuilder BindApprovalQueueSubscription(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .BindSubscriptionAsync<QueueChange>("requestsToDecideChanged", SubscribeAsync)
            .Bind("Subscription", "requestsToDecideChanged", QueueAsync);
    }

    private static async ValueTask<IAsyncEnumerable<QueueChange>> SubscribeAsync(ResolveContext ctx, CancellationToken ct)
    {
        var session = SessionCheck.Capture(ctx.Service<IHttpContextAccessor>().HttpContext);
        var sessions = ctx.Service<SessionCheck>();
        if (ctx.Principal().GetAccountId() is null
            || await sessions.CurrentPrincipalAsync(session, ct).ConfigureAwait(false) is not { } principal)
        {
            throw new GraphQLException("Sign in to follow your approval queue.", UserErrorCodes.Unauthenticated);
        }
        var policy = ctx.Service<AccessPolicy>();
        if (!principal.IsSiteAdmin() && !principal.GetMemberships().Any(m => policy.CanDecide(principal, m.OrganisationId)))
        {
            throw new GraphQLException("Only resource managers and admins of an organisation have an approval queue.", UserErrorCodes.Forbidden);
        }
        // Subscribed before the stream is first read, so a request made from now on is not missed.
        var subscription = ctx.Service<LiveChangeHub>().SubscribeToAllBookings();
        return ChangesAsync(subscription, session, sessions, policy, ctx.Store(), ct);
    }

    private static async IAsyncEnumerable<QueueChange> ChangesAsync(LiveSubscription subscription, SignedInSession session, SessionCheck sessions,
        AccessPolicy policy, GraphStore store, [EnumeratorCancellation] CancellationToken ct)
    {
        using (subscription)
        {
            await foreach (var change in subscription.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var principal = await sessions.CurrentPrincipalAsync(session, ct).ConfigureAwait(false);
                if (principal is null)
                {
                    // one UNAUTHENTICATED error, then the stream ends
                    yield return new QueueChange(null);
                    yield break;
                }
                // A catch-up event (the listener reconnected or the queue overflowed) may hide any change: resend the queue.
                if (!change.IsCatchUp)
                {
                    var resource = (await store.ResourcesAsync([change.ResourceId], ct).ConfigureAwait(false)).GetValueOrDefault(change.ResourceId);
                    if (resource is null || !policy.CanDecide(principal, resource.GuidOrNull("organisationId")))
                    {
                        continue;
                    }
                }
                yield return new QueueChange(principal);
            }
        }
    }

    private static async Task<List<Row>> QueueAsync(ResolveContext ctx, CancellationToken ct)
    {
        var change = (QueueChange)ctx.Source!;
        if (change.Principal is not { } principal || principal.GetAccountId() is not { } accountId)
        {
            throw new GraphQLException("Your session has ended; sign in again to follow your approval queue.", UserErrorCodes.Unauthenticated);
        }
        ctx.UsePrincipal(principal);
        var requests = await ctx.Service<BookingCommands>()
            .ListRequestsToDecideAsync(accountId, principal.IsSiteAdmin(), QueueSize, ct).ConfigureAwait(false);
        return [.. requests.Select(NodeResolvers.BookingRow)];
    }

    /// <summary>One change worth telling: the subscriber's principal as of that change, or null when its session ended.</summary>
    private sealed record QueueChange(ClaimsPrincipal? Principal);
}
