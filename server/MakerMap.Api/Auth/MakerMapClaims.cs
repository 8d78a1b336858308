using System.Globalization;
using System.Security.Claims;
using MakerMap.Data.Accounts;

namespace MakerMap.Api.Auth;

/// <summary>
/// How an account's roles travel in a <see cref="ClaimsPrincipal"/>: the account id as
/// <see cref="ClaimTypes.NameIdentifier"/>, site roles (<c>planner</c>, <c>admin</c>) as
/// <see cref="ClaimTypes.Role"/>, and one <see cref="Membership"/> claim per organisation,
/// <c>{organisationId}:{role}</c> with the role as stored (<c>member</c>, <c>resource_manager</c>, <c>admin</c>).
/// Principals are rebuilt from the database on every request, so a revoked role takes effect at once.
/// </summary>
public static class MakerMapClaims
{
    /// <summary>Claim type of organisation memberships.</summary>
    public const string Membership = "makermap:membership";

    /// <summary>Site role: may run coverage reports.</summary>
    public const string PlannerRole = "planner";

    /// <summary>Site role: may do everything.</summary>
    public const string AdminRole = "admin";

    /// <summary>Builds the principal of a signed-in account.</summary>
    /// <param name="access">The account with its roles, as just read from the database.</param>
    /// <param name="authenticationType">The scheme that authenticated it (cookie or bearer).</param>
    public static ClaimsPrincipal CreatePrincipal(AccountAccess access, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(access);
        var account = access.Account;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString("D")),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
        };
        if (account.IsPlanner)
        {
            claims.Add(new Claim(ClaimTypes.Role, PlannerRole));
        }
        if (account.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }
        claims.AddRange(access.Memberships.Select(m =>
            new Claim(Membership, m.OrganisationId.ToString("D") + ":" + MembershipRoles.ToDatabase(m.Role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Records in this request's principal a membership the request itself just created, so the rest of
    /// the response (e.g. <c>createOrganisation { organisation { members } }</c>) sees what the database now
    /// holds; the next request rebuilds the principal from the database anyway.
    /// </summary>
    public static void AddMembership(this ClaimsPrincipal principal, Guid organisationId, MembershipRole role)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.GetAccountId() is not null && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(Membership, organisationId.ToString("D") + ":" + MembershipRoles.ToDatabase(role)));
        }
    }

    /// <summary>The signed-in account's id, or null for anonymous callers.</summary>
    public static Guid? GetAccountId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>The principal's role in an organisation, or null when it is not a member.</summary>
    public static MembershipRole? RoleIn(this ClaimsPrincipal principal, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.GetAccountId() is null)
        {
            return null;
        }
        var prefix = organisationId.ToString("D") + ":";
        foreach (var claim in principal.FindAll(Membership))
        {
            if (claim.Value.StartsWith(prefix, StringComparison.Ordinal)
                && MembershipRoles.TryParse(claim.Value[prefix.Length..], out var role))
            {
                return role;
            }
        }
        return null;
    }

    /// <summary>The organisations the principal belongs to, with its role in each.</summary>
    public static IEnumerable<Membership> GetMemberships(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        foreach (var claim in principal.FindAll(Membership))
        {
            var separator = claim.Value.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0
                && Guid.TryParse(claim.Value.AsSpan(0, separator), CultureInfo.InvariantCulture, out var organisationId)
                && MembershipRoles.TryParse(claim.Value[(separator + 1)..], out var role))
            {
                yield return new Membership(organisationId, role);
            }
        }
    }

    /// <summary>Whether the principal is a signed-in site administrator.</summary>
    public static bool IsSiteAdmin(this ClaimsPrincipal principal) =>
        principal.GetAccountId() is not null && principal.IsInRole(AdminRole);

    /// <summary>Whether the principal is a signed-in planner.</summary>
    public static bool IsPlanner(this ClaimsPrincipal principal) =>
        principal.GetAccountId() is not null && principal.IsInRole(PlannerRole);
}
