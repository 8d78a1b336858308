using System.Security.Claims;
using MakerMap.Api.Auth;
using MakerMap.Data.Accounts;

namespace MakerMap.Api.Tests.Auth;

/// <summary>The authorization matrix of issue 4: every role × every operation.</summary>
public sealed class AccessPolicyTests
{
    private static readonly Guid OwnOrganisation = Guid.Parse("0b6f3c2e-0000-4000-8000-000000000001");
    private static readonly Guid OtherOrganisation = Guid.Parse("0b6f3c2e-0000-4000-8000-000000000002");
    private static readonly AccessPolicy Policy = new();

    /// <summary>Actor × operation → allowed. "Own" is the organisation the actor belongs to (if any).</summary>
    public static TheoryData<string, string, bool> Matrix()
    {
        string[] operations =
            ["read places", "book for own org", "book for other org", "decide booking of own resource",
             "decide booking of other's resource", "manage own place", "manage other's place", "run coverage",
             "manage own members"];
        var rows = new Dictionary<string, bool[]>
        {
            ["anonymous"] = [true, false, false, false, false, false, false, false, false],
            ["resident"] = [true, false, false, false, false, false, false, false, false],
            ["member"] = [true, true, false, false, false, false, false, false, false],
            ["resource manager"] = [true, true, false, true, false, true, false, false, false],
            ["organisation admin"] = [true, true, false, true, false, true, false, false, true],
            ["planner"] = [true, false, false, false, false, false, false, true, false],
            ["admin"] = [true, true, true, true, true, true, true, true, true],
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (actor, allowed) in rows)
        {
            for (var i = 0; i < operations.Length; i++)
            {
                data.Add(actor, operations[i], allowed[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Actor_operation_is_allowed_exactly_as_the_matrix_says(string actor, string operation, bool expected)
    {
        var principal = Actor(actor);

        var allowed = operation switch
        {
            "read places" => Policy.CanRead(principal),
            "book for own org" => Policy.CanBookFor(principal, OwnOrganisation),
            "book for other org" => Policy.CanBookFor(principal, OtherOrganisation),
            "decide booking of own resource" => Policy.CanDecide(principal, OwnOrganisation),
            "decide booking of other's resource" => Policy.CanDecide(principal, OtherOrganisation),
            "manage own place" => Policy.CanManagePlace(principal, OwnOrganisation) && Policy.CanManageResource(principal, OwnOrganisation),
            "manage other's place" => Policy.CanManagePlace(principal, OtherOrganisation) || Policy.CanManageResource(principal, OtherOrganisation),
            "run coverage" => Policy.CanRunCoverage(principal),
            "manage own members" => Policy.CanManageMembers(principal, OwnOrganisation),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        Assert.Equal(expected, allowed);
    }

    [Theory]
    [InlineData("anonymous", false, false, false, false)]
    [InlineData("resident", true, true, false, false)]
    [InlineData("member", true, true, false, false)]
    [InlineData("resource manager", true, true, false, true)]
    [InlineData("organisation admin", true, true, true, true)]
    [InlineData("planner", true, true, false, false)]
    [InlineData("admin", true, true, true, true)]
    public void Organisation_and_schedule_rules_follow_the_role(string actor, bool createOrganisation, bool leaveOwnMembership,
        bool removeSomeoneElse, bool manageOwnSchedules)
    {
        var principal = Actor(actor);
        var self = principal.GetAccountId() ?? Guid.NewGuid();

        Assert.Equal(createOrganisation, Policy.CanCreateOrganisation(principal));
        Assert.Equal(leaveOwnMembership, Policy.CanRemoveMember(principal, OwnOrganisation, self));
        Assert.Equal(removeSomeoneElse, Policy.CanRemoveMember(principal, OwnOrganisation, Guid.NewGuid()));
        Assert.Equal(manageOwnSchedules, Policy.CanManageSchedule(principal, OwnOrganisation));
        Assert.Equal(actor == "admin", Policy.CanManageSchedule(principal, OtherOrganisation));
    }

    [Fact]
    public void Place_without_an_organisation_is_managed_by_site_admins_only()
    {
        Assert.False(Policy.CanManagePlace(Actor("resource manager"), null));
        Assert.True(Policy.CanManagePlace(Actor("admin"), null));
    }

    [Fact]
    public void Membership_claims_on_an_unauthenticated_identity_grant_nothing()
    {
        var forged = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, MakerMapClaims.AdminRole),
            new Claim(MakerMapClaims.Membership, OwnOrganisation + ":admin"),
        ]));

        Assert.False(Policy.CanBookFor(forged, OwnOrganisation));
        Assert.False(Policy.CanDecide(forged, OwnOrganisation));
        Assert.False(Policy.CanRunCoverage(forged));
        Assert.False(Policy.CanCreateOrganisation(forged));
    }

    [Fact]
    public void Booker_can_see_and_cancel_their_own_booking()
    {
        var booker = Actor("member");
        var booking = new BookingParties(booker.GetAccountId(), OwnOrganisation, OtherOrganisation);

        Assert.True(Policy.CanSeeBooking(booker, booking));
        Assert.True(Policy.CanCancel(booker, booking));
    }

    [Fact]
    public void Fellow_member_can_see_but_not_cancel_a_booking_of_their_organisation()
    {
        var booking = new BookingParties(Guid.NewGuid(), OwnOrganisation, OtherOrganisation);

        Assert.True(Policy.CanSeeBooking(Actor("member"), booking));
        Assert.False(Policy.CanCancel(Actor("member"), booking));
        Assert.True(Policy.CanCancel(Actor("organisation admin"), booking));
    }

    [Fact]
    public void Resource_manager_can_see_and_cancel_bookings_of_their_resources_only()
    {
        var ofOwnResource = new BookingParties(Guid.NewGuid(), OtherOrganisation, OwnOrganisation);
        var ofOtherResource = new BookingParties(Guid.NewGuid(), OtherOrganisation, OtherOrganisation);

        Assert.True(Policy.CanSeeBooking(Actor("resource manager"), ofOwnResource));
        Assert.True(Policy.CanCancel(Actor("resource manager"), ofOwnResource));
        Assert.False(Policy.CanSeeBooking(Actor("resource manager"), ofOtherResource));
        Assert.False(Policy.CanCancel(Actor("resource manager"), ofOtherResource));
    }

    [Fact]
    public void Anonymous_cannot_see_a_booking_or_create_an_organisation()
    {
        var booking = new BookingParties(null, OwnOrganisation, OwnOrganisation);

        Assert.False(Policy.CanSeeBooking(Actor("anonymous"), booking));
        Assert.False(Policy.CanCreateOrganisation(Actor("anonymous")));
        Assert.True(Policy.CanCreateOrganisation(Actor("resident")));
    }

    private static ClaimsPrincipal Actor(string actor) => actor switch
    {
        "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
        "resident" => Principal(),
        "member" => Principal(memberships: [new Membership(OwnOrganisation, MembershipRole.Member)]),
        "resource manager" => Principal(memberships: [new Membership(OwnOrganisation, MembershipRole.ResourceManager)]),
        "organisation admin" => Principal(memberships: [new Membership(OwnOrganisation, MembershipRole.Admin)]),
        "planner" => Principal(isPlanner: true),
        "admin" => Principal(isAdmin: true),
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };

    private static ClaimsPrincipal Principal(bool isPlanner = false, bool isAdmin = false, Membership[]? memberships = null)
    {
        var account = new Account(Guid.NewGuid(), "someone@example.org", "Someone", isPlanner, isAdmin, DateTimeOffset.UnixEpoch);
        return MakerMapClaims.CreatePrincipal(new AccountAccess(account, memberships ?? []), "Test");
    }
}
