using MakerMap.Api.Auth;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Organisation</c>, <c>Account</c> and <c>Membership</c> fields, with the visibility rules of the
/// SDL: members lists and feed URLs for members only, e-mail addresses for the account itself.
/// </summary>
public static class AccountResolvers
{
    /// <summary>Binds the fields.</summary>
    public static SchemaBuilder BindAccounts(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Organisation", "places", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("placesByOrganisation", ctx.Store().PlacesByOrganisationAsync).LoadAsync(Source(ctx).Uuid))
            .Bind("Organisation", "resources", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("resourcesByOrganisation", ctx.Store().ResourcesByOrganisationAsync).LoadAsync(Source(ctx).Uuid))
            .Bind("Organisation", "members", (ctx, _) => IsMemberOrAdmin(ctx, Source(ctx).Uuid)
                ? ctx.GetGroupedLoader<Guid, Row>("membersByOrganisation", (ids, ct) => ctx.Store().MembershipsAsync(ids, true, ct)).LoadAsync(Source(ctx).Uuid)
                : Task.FromResult<IReadOnlyList<Row>>([]))
            .Bind("Organisation", "bookings", BookingPages.ResolveAsync)
            // The secret token is the feed's only protection, so only members see the URL (CalendarEndpoints).
            .Bind("Organisation", "calendarFeedUrl", ctx => IsMemberOrAdmin(ctx, Source(ctx).Uuid)
                ? CalendarFeedUrl(ctx, (string)Source(ctx)["calendarToken"]!)
                : null)
            .Bind("Account", "email", ctx => IsSelfOrAdmin(ctx) ? Source(ctx)["emailAddress"] : null)
            .Bind("Account", "memberships", (ctx, _) =>
                ctx.GetGroupedLoader<Guid, Row>("membershipsByAccount", (ids, ct) => ctx.Store().MembershipsAsync(ids, false, ct)).LoadAsync(Source(ctx).Uuid))
            .Bind("Account", "bookings", BookingPages.ResolveAsync)
            .Bind("Membership", "account", (ctx, _) => ctx.LoadAccount((Guid)Source(ctx)["accountId"]!))
            .Bind("Membership", "organisation", (ctx, _) => ctx.LoadOrganisation((Guid)Source(ctx)["organisationId"]!));
    }

    private static Row Source(ResolveContext ctx) => (Row)ctx.Source!;

    // Absolute, from the request's scheme and host (after a trusted proxy's X-Forwarded-*) as the
    // TileJSON tiles URLs are: calendar apps are given the URL on its own, with no page to resolve it against.
    private static string CalendarFeedUrl(ResolveContext ctx, string token)
    {
        var path = "/calendar/organisations/" + Uri.EscapeDataString(token) + ".ics";
        return ctx.Service<IHttpContextAccessor>().HttpContext?.Request is { } request
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}"
            : path;
    }

    private static bool IsMemberOrAdmin(ResolveContext ctx, Guid organisationId)
    {
        var principal = ctx.Principal();
        return principal.IsSiteAdmin() || principal.RoleIn(organisationId) is not null;
    }

    private static bool IsSelfOrAdmin(ResolveContext ctx)
    {
        var principal = ctx.Principal();
        return principal.IsSiteAdmin() || principal.GetAccountId() == Source(ctx).Uuid;
    }
}
