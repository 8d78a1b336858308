using System.Text.Json;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Management;

/// <summary>createOrganisation, addMember and removeMember through HTTP, and cancelBooking's reason.</summary>
[Trait("Category", "Db")]
public sealed class OrganisationMutationTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string OrganisationSelection = "organisation { id slug name kind website }";
    private const string MembershipSelection = "membership { role account { id } organisation { id } }";

    private static object AddInput(ManagementScenario s, string email, string role) =>
        new { organisationId = Id("Organisation", s.Organisation), email, role };

    private static async Task<string> EmailAsync(ManagementScenario s, Actor actor)
    {
        await using var command = s.Database.DataSource.CreateCommand("SELECT email FROM accounts WHERE id = @id");
        command.Parameters.AddWithValue("id", s.AccountId(actor));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task CreateOrganisation_makes_the_caller_its_admin_and_derives_the_slug_from_the_name()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.Resident, "createOrganisation", "CreateOrganisationInput", OrganisationSelection,
            new { name = "Fietsatelier Ledeberg", kind = "VOLUNTEER_GROUP", website = "https://fietsatelier.example.org" });

        Assert.Null(ErrorCode(payload));
        var organisation = payload.GetProperty("organisation");
        Assert.Equal("fietsatelier-ledeberg", organisation.GetProperty("slug").GetString());
        Assert.Equal("VOLUNTEER_GROUP", organisation.GetProperty("kind").GetString());
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM memberships WHERE account_id = @a AND organisation_id = @o AND role = 'admin'",
            new { a = s.AccountId(Actor.Resident), o = Uuid(organisation.GetProperty("id")) }));
    }

    [Fact]
    public async Task CreateOrganisation_response_already_lists_the_caller_as_admin_and_shows_the_feed_url()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.Resident, "createOrganisation", "CreateOrganisationInput",
            "organisation { id calendarFeedUrl members { role account { id } } }", new { name = "Naaiatelier Brugse Poort" });

        Assert.Null(ErrorCode(payload));
        var organisation = payload.GetProperty("organisation");
        var member = Assert.Single(organisation.GetProperty("members").EnumerateArray());
        Assert.Equal("ADMIN", member.GetProperty("role").GetString());
        Assert.Equal(s.AccountId(Actor.Resident), Uuid(member.GetProperty("account").GetProperty("id")));
        Assert.StartsWith("http://localhost/calendar/organisations/", organisation.GetProperty("calendarFeedUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganisation_with_a_slug_in_use_is_SLUG_TAKEN_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        await s.MutateAsync(Actor.Resident, "createOrganisation", "CreateOrganisationInput", OrganisationSelection, new { name = "A", slug = "taken-org" });
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.Member, "createOrganisation", "CreateOrganisationInput", OrganisationSelection, new { name = "B", slug = "taken-org" });

        Assert.Equal("SLUG_TAKEN", ErrorCode(payload));
        Assert.Equal(["input", "slug"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CreateOrganisation_with_an_empty_name_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.Resident, "createOrganisation", "CreateOrganisationInput", OrganisationSelection, new { name = "  " });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "name"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task AddMember_adds_an_account_by_email_and_a_second_call_changes_its_role()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var email = (await EmailAsync(s, Actor.Resident)).ToUpperInvariant();

        var added = await s.MutateAsync(Actor.OrganisationAdmin, "addMember", "AddMemberInput", MembershipSelection, AddInput(s, email, "MEMBER"));
        var changed = await s.MutateAsync(Actor.OrganisationAdmin, "addMember", "AddMemberInput", MembershipSelection, AddInput(s, email, "RESOURCE_MANAGER"));

        Assert.Equal("MEMBER", added.GetProperty("membership").GetProperty("role").GetString());
        Assert.Equal("RESOURCE_MANAGER", changed.GetProperty("membership").GetProperty("role").GetString());
        Assert.Equal(Id("Account", s.AccountId(Actor.Resident)), changed.GetProperty("membership").GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM memberships WHERE account_id = @a", new { a = s.AccountId(Actor.Resident) }));
    }

    [Fact]
    public async Task AddMember_with_an_unknown_email_is_NOT_FOUND_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.OrganisationAdmin, "addMember", "AddMemberInput", MembershipSelection, AddInput(s, "nobody@example.org", "MEMBER"));

        Assert.Equal("NOT_FOUND", ErrorCode(payload));
        Assert.Equal(["input", "email"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task AddMember_that_demotes_the_only_admin_is_LAST_ADMIN_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.OrganisationAdmin, "addMember", "AddMemberInput", MembershipSelection,
            AddInput(s, await EmailAsync(s, Actor.OrganisationAdmin), "MEMBER"));

        Assert.Equal("LAST_ADMIN", ErrorCode(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task RemoveMember_by_the_member_itself_removes_the_membership()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.Member, "removeMember", "RemoveMemberInput", "organisation { id }",
            new { organisationId = Id("Organisation", s.Organisation), accountId = Id("Account", s.AccountId(Actor.Member)) });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(Id("Organisation", s.Organisation), payload.GetProperty("organisation").GetProperty("id").GetString());
        Assert.Equal(0, await s.CountAsync("SELECT count(*) FROM memberships WHERE account_id = @a", new { a = s.AccountId(Actor.Member) }));
    }

    [Fact]
    public async Task RemoveMember_of_the_only_admin_is_LAST_ADMIN_and_of_a_non_member_NOT_FOUND()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var lastAdmin = await s.MutateAsync(Actor.OrganisationAdmin, "removeMember", "RemoveMemberInput", "organisation { id }",
            new { organisationId = Id("Organisation", s.Organisation), accountId = Id("Account", s.AccountId(Actor.OrganisationAdmin)) });
        var notMember = await s.MutateAsync(Actor.OrganisationAdmin, "removeMember", "RemoveMemberInput", "organisation { id }",
            new { organisationId = Id("Organisation", s.Organisation), accountId = Id("Account", s.AccountId(Actor.Resident)) });

        Assert.Equal("LAST_ADMIN", ErrorCode(lastAdmin));
        Assert.Equal("NOT_FOUND", ErrorCode(notMember));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CancelBooking_stores_the_reason_and_Booking_cancellationReason_shows_it_to_the_manager()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        await using var insert = s.Database.DataSource.CreateCommand("""
            INSERT INTO bookings (resource_id, period, status, is_exclusive, organisation_id, booked_by)
            VALUES (@r, tstzrange(now() + interval '2 days', now() + interval '2 days 2 hours', '[)'), 'confirmed', false, @o, @b) RETURNING id
            """);
        insert.Parameters.AddWithValue("r", s.Resource);
        insert.Parameters.AddWithValue("o", s.Organisation);
        insert.Parameters.AddWithValue("b", s.AccountId(Actor.Member));
        var booking = (Guid)(await insert.ExecuteScalarAsync())!;

        var cancelled = await s.MutateAsync(Actor.Member, "cancelBooking", "CancelBookingInput", "booking { status cancellationReason }",
            new { bookingId = Id("Booking", booking), reason = "The repair café moved to Saturday." });
        var seen = await s.PostAsync(Actor.ResourceManager, "query($id: ID!) { node(id: $id) { ... on Booking { status cancellationReason } } }",
            new { id = Id("Booking", booking) });

        Assert.Equal("CANCELLED", cancelled.GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal("The repair café moved to Saturday.", cancelled.GetProperty("booking").GetProperty("cancellationReason").GetString());
        Assert.Equal("The repair café moved to Saturday.", seen.Data.GetProperty("node").GetProperty("cancellationReason").GetString());
        Assert.Equal(JsonValueKind.String, seen.Data.GetProperty("node").GetProperty("status").ValueKind);
    }
}
