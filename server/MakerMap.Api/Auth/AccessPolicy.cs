using System.Security.Claims;
using MakerMap.Data.Accounts;

namespace MakerMap.Api.Auth;

/// <summary>
/// Who may do what, as pure functions of the caller's claims (see <see cref="MakerMapClaims"/>).
/// Residents (anyone, signed in or not) read; members book for their organisation; resource
/// managers (and organisation admins) decide bookings of, and manage, their organisation's places,
/// resources and schedules; organisation admins manage members; planners run coverage; site admins
/// may do everything. Every REST endpoint and GraphQL resolver asks this class, so the rules live
/// in one place and the authorization matrix tests cover them all.
/// </summary>
public sealed class AccessPolicy
{
    /// <summary>Reading places, resources, availability and sessions: open to everyone.</summary>
#pragma warning disable CA1822 // instance methods on purpose: the policy is a service resolvers receive
    public bool CanRead(ClaimsPrincipal principal) => true;

    /// <summary>Booking on behalf of <paramref name="organisationId"/>: its members of any role, and site admins.</summary>
    public bool CanBookFor(ClaimsPrincipal principal, Guid organisationId) =>
        principal.IsSiteAdmin() || principal.RoleIn(organisationId) is not null;

    /// <summary>Approving or declining a booking of a resource owned by <paramref name="resourceOrganisationId"/>.</summary>
    public bool CanDecide(ClaimsPrincipal principal, Guid? resourceOrganisationId) =>
        ManagesOrganisation(principal, resourceOrganisationId);

    /// <summary>Creating, changing or deleting a place run by <paramref name="placeOrganisationId"/> (null: no known organisation, admins only).</summary>
    public bool CanManagePlace(ClaimsPrincipal principal, Guid? placeOrganisationId) =>
        ManagesOrganisation(principal, placeOrganisationId);

    /// <summary>Creating, changing or deleting a resource (and its schedules) owned by <paramref name="resourceOrganisationId"/>.</summary>
    public bool CanManageResource(ClaimsPrincipal principal, Guid? resourceOrganisationId) =>
        ManagesOrganisation(principal, resourceOrganisationId);

    /// <summary>Adding, removing and changing the role of members: the organisation's admins and site admins.</summary>
    public bool CanManageMembers(ClaimsPrincipal principal, Guid organisationId) =>
        principal.IsSiteAdmin() || principal.RoleIn(organisationId) == MembershipRole.Admin;

    /// <summary>
    /// Removing <paramref name="accountId"/> from an organisation: its admins, site admins, and the
    /// member itself (anyone may leave an organisation).
    /// </summary>
    public bool CanRemoveMember(ClaimsPrincipal principal, Guid organisationId, Guid accountId) =>
        CanManageMembers(principal, organisationId) || principal.GetAccountId() == accountId;

    /// <summary>
    /// Creating, changing or deleting a schedule: an availability schedule is managed with its resource,
    /// a session schedule with its place; both by the owning organisation's resource managers and admins.
    /// </summary>
    public bool CanManageSchedule(ClaimsPrincipal principal, Guid? ownerOrganisationId) =>
        ManagesOrganisation(principal, ownerOrganisationId);

    /// <summary>Running coverage reports: planners and site admins.</summary>
    public bool CanRunCoverage(ClaimsPrincipal principal) =>
        principal.IsPlanner() || principal.IsSiteAdmin();

    /// <summary>Creating an organisation (the creator becomes its admin): any signed-in account.</summary>
    public bool CanCreateOrganisation(ClaimsPrincipal principal) => principal.GetAccountId() is not null;

    /// <summary>
    /// Seeing a booking: the account that made it, members of the organisation it is for, managers
    /// of the resource's organisation, and site admins.
    /// </summary>
    public bool CanSeeBooking(ClaimsPrincipal principal, BookingParties booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return principal.IsSiteAdmin()
            || IsBooker(principal, booking)
            || (booking.OrganisationId is { } org && principal.RoleIn(org) is not null)
            || ManagesOrganisation(principal, booking.ResourceOrganisationId);
    }

    /// <summary>
    /// Cancelling a booking: the account that made it, admins of the organisation it is for,
    /// managers of the resource's organisation, and site admins.
    /// </summary>
    public bool CanCancel(ClaimsPrincipal principal, BookingParties booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return principal.IsSiteAdmin()
            || IsBooker(principal, booking)
            || (booking.OrganisationId is { } org && principal.RoleIn(org) == MembershipRole.Admin)
            || ManagesOrganisation(principal, booking.ResourceOrganisationId);
    }
#pragma warning restore CA1822

    private static bool IsBooker(ClaimsPrincipal principal, BookingParties booking) =>
        booking.BookedBy is { } bookedBy && principal.GetAccountId() == bookedBy;

    private static bool ManagesOrganisation(ClaimsPrincipal principal, Guid? organisationId) =>
        principal.IsSiteAdmin()
        || (organisationId is { } org && principal.RoleIn(org) is MembershipRole.ResourceManager or MembershipRole.Admin);
}

/// <summary>Who is involved in a booking, as far as access rules care.</summary>
/// <param name="BookedBy">The account that made it.</param>
/// <param name="OrganisationId">The organisation it is for.</param>
/// <param name="ResourceOrganisationId">The organisation that owns the booked resource.</param>
public sealed record BookingParties(Guid? BookedBy, Guid? OrganisationId, Guid? ResourceOrganisationId);
