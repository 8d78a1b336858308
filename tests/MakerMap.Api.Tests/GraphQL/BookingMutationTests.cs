using System.Text.Json;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>requestBooking, decideBooking and availability through HTTP: auth, typed errors, concurrency, idempotency.</summary>
[Trait("Category", "Db")]
public sealed class BookingMutationTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Request = """
        mutation($i: RequestBookingInput!) {
          requestBooking(input: $i) { booking { id status quantity } errors { code message field } }
        }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    private async Task<(Guid Organisation, Guid Resource, Guid Slot)> SlotAsync(int capacity, bool requiresApproval = false)
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = capacity, Exclusive = false, RequiresApproval = requiresApproval });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), capacity);
        return (organisation, resource, slot);
    }

    private static object SlotInput(Guid resource, Guid slot, Guid organisation, string? key = null) => new
    {
        resourceId = GraphQLTestClient.Id("Resource", resource),
        slotId = GraphQLTestClient.Id("Slot", slot),
        organisationId = GraphQLTestClient.Id("Organisation", organisation),
        idempotencyKey = key,
    };

    private Task<long> CountBookingsAsync(Guid resource) =>
        factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource", new { resource });

    [Fact]
    public async Task RequestBooking_without_signing_in_is_UNAUTHENTICATED_and_books_nothing()
    {
        var (organisation, resource, slot) = await SlotAsync(3);

        var response = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) });

        var payload = response.Data.GetProperty("requestBooking");
        Assert.Equal("UNAUTHENTICATED", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("booking").ValueKind);
        Assert.Equal(0, await CountBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBooking_for_an_organisation_one_is_not_a_member_of_is_FORBIDDEN()
    {
        var (organisation, resource, slot) = await SlotAsync(3);
        var other = await factory.Database.Data.OrganisationAsync();
        var (_, token) = await _client.MemberAsync(other);

        var response = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) }, token);

        var error = response.Data.GetProperty("requestBooking").GetProperty("errors")[0];
        Assert.Equal("FORBIDDEN", error.GetProperty("code").GetString());
        Assert.Equal(["input", "organisationId"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, await CountBookingsAsync(resource));
    }

    [Fact]
    public async Task RequestBooking_with_a_reversed_period_is_INVALID_PERIOD()
    {
        var (organisation, resource, _) = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(organisation);
        var start = DateTimeOffset.UtcNow.AddDays(5);

        var response = await _client.PostAsync(Request, new
        {
            i = new
            {
                resourceId = GraphQLTestClient.Id("Resource", resource),
                organisationId = GraphQLTestClient.Id("Organisation", organisation),
                start = start.ToString("O"),
                end = start.AddHours(-1).ToString("O"),
            },
        }, token);

        var error = response.Data.GetProperty("requestBooking").GetProperty("errors")[0];
        Assert.Equal("INVALID_PERIOD", error.GetProperty("code").GetString());
        Assert.Equal(0, await CountBookingsAsync(resource));
    }

    [Fact]
    public async Task Availability_with_a_reversed_window_is_BAD_USER_INPUT_INVALID_PERIOD()
    {
        var (_, resource, _) = await SlotAsync(3);

        var response = await _client.PostAsync("query($r: ID!) { availability(resourceId: $r, from: \"2026-12-05T14:00:00Z\", to: \"2026-12-05T13:00:00Z\") { remaining } }",
            new { r = GraphQLTestClient.Id("Resource", resource) });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("INVALID_PERIOD", response.FirstError.GetProperty("extensions").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Fifty_parallel_requests_on_a_capacity_3_slot_give_exactly_3_bookings()
    {
        var (organisation, resource, slot) = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(organisation);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) }, token)));

        var payloads = responses.Select(r => r.Data.GetProperty("requestBooking")).ToList();
        Assert.Equal(3, payloads.Count(p => p.GetProperty("booking").ValueKind == System.Text.Json.JsonValueKind.Object));
        Assert.All(payloads.Where(p => p.GetProperty("booking").ValueKind == System.Text.Json.JsonValueKind.Null),
            p => Assert.Equal("CAPACITY_EXCEEDED", p.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(3, await CountBookingsAsync(resource));
        var availability = await _client.PostAsync("query($r: ID!, $f: DateTime!, $t: DateTime!) { availability(resourceId: $r, from: $f, to: $t) { remaining capacity } }",
            new { r = GraphQLTestClient.Id("Resource", resource), f = DateTimeOffset.UtcNow.ToString("O"), t = DateTimeOffset.UtcNow.AddDays(10).ToString("O") });
        Assert.Equal(0, availability.Data.GetProperty("availability")[0].GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Replaying_an_idempotency_key_returns_the_first_booking()
    {
        var (organisation, resource, slot) = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(organisation);
        var key = Guid.NewGuid().ToString();

        var first = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation, key) }, token);
        var second = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation, key) }, token);

        var firstId = first.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString();
        Assert.Equal(firstId, second.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString());
        Assert.Equal(1, await CountBookingsAsync(resource));
    }

    [Fact]
    public async Task A_resource_manager_can_decide_a_booking_and_a_member_cannot()
    {
        var (organisation, resource, slot) = await SlotAsync(3, requiresApproval: true);
        var (_, member) = await _client.MemberAsync(organisation);
        var (_, manager) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        var requested = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) }, member);
        var booking = requested.Data.GetProperty("requestBooking").GetProperty("booking");
        Assert.Equal("REQUESTED", booking.GetProperty("status").GetString());
        const string Decide = "mutation($i: DecideBookingInput!) { decideBooking(input: $i) { booking { status decidedBy { id } } errors { code } } }";
        var input = new { i = new { bookingId = booking.GetProperty("id").GetString(), decision = "APPROVE", note = "Key at the bar" } };

        var byMember = await _client.PostAsync(Decide, input, member);
        var byManager = await _client.PostAsync(Decide, input, manager);

        Assert.Equal("FORBIDDEN", byMember.Data.GetProperty("decideBooking").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("CONFIRMED", byManager.Data.GetProperty("decideBooking").GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(0, byManager.Data.GetProperty("decideBooking").GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task DecideBooking_DECLINE_without_a_reason_is_DECLINE_REASON_REQUIRED_and_an_overlong_one_INVALID_INPUT()
    {
        var (organisation, resource, slot) = await SlotAsync(3, requiresApproval: true);
        var (_, member) = await _client.MemberAsync(organisation);
        var (_, manager) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        var requested = await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) }, member);
        var booking = requested.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString();
        const string Decide = "mutation($i: DecideBookingInput!) { decideBooking(input: $i) { booking { status decisionNote } errors { code message field } } }";
        JsonElement Decline(GraphQLResponse response) => response.Data.GetProperty("decideBooking");

        var missing = Decline(await _client.PostAsync(Decide, new { i = new { bookingId = booking, decision = "DECLINE" } }, manager));
        var blank = Decline(await _client.PostAsync(Decide, new { i = new { bookingId = booking, decision = "DECLINE", note = "   " } }, manager));
        var overlong = Decline(await _client.PostAsync(Decide, new { i = new { bookingId = booking, decision = "DECLINE", note = new string('x', 2001) } }, manager));
        var stillWaiting = await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND status = 'requested'", new { resource });
        // the database holds the rule too, for any other path that writes a decline
        var bySql = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _client.ExecuteSqlAsync(
            "UPDATE bookings SET status = 'declined', decision_note = ' ' WHERE resource_id = @r", ("r", resource)));
        var declined = Decline(await _client.PostAsync(Decide, new { i = new { bookingId = booking, decision = "DECLINE", note = "Not on market day" } }, manager));

        foreach (var refused in new[] { missing, blank })
        {
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("booking").ValueKind);
            var error = refused.GetProperty("errors")[0];
            Assert.Equal("DECLINE_REASON_REQUIRED", error.GetProperty("code").GetString());
            Assert.Equal("Declining a request needs a reason for the booker (the note).", error.GetProperty("message").GetString());
            Assert.Equal(["input", "note"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()!));
        }
        Assert.Equal("INVALID_INPUT", overlong.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(["input", "note"], overlong.GetProperty("errors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(1, stillWaiting);
        Assert.Equal("bookings_declined_with_reason", bySql.ConstraintName);
        Assert.Equal("DECLINED", declined.GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal("Not on market day", declined.GetProperty("booking").GetProperty("decisionNote").GetString());
    }

    [Fact]
    public async Task Resource_bookings_are_listed_for_its_managers_and_empty_for_others()
    {
        var (organisation, resource, slot) = await SlotAsync(3);
        var (_, member) = await _client.MemberAsync(organisation);
        var (_, manager) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        await _client.PostAsync(Request, new { i = SlotInput(resource, slot, organisation) }, member);
        const string Query = "query($r: ID!) { resource(id: $r) { bookings(first: 5) { totalCount nodes { status bookedBy { id } } } } }";
        var variables = new { r = GraphQLTestClient.Id("Resource", resource) };

        var asManager = await _client.PostAsync(Query, variables, manager);
        var asMember = await _client.PostAsync(Query, variables, member);

        Assert.Equal(1, asManager.Data.GetProperty("resource").GetProperty("bookings").GetProperty("totalCount").GetInt32());
        Assert.Equal("CONFIRMED", asManager.Data.GetProperty("resource").GetProperty("bookings").GetProperty("nodes")[0].GetProperty("status").GetString());
        Assert.Equal(0, asMember.Data.GetProperty("resource").GetProperty("bookings").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_calendar_feed_url_is_shown_to_members_only()
    {
        var organisation = await factory.Database.Data.OrganisationAsync();
        var (_, member) = await _client.MemberAsync(organisation);
        const string Query = "query($o: ID!) { organisation(id: $o) { calendarFeedUrl members { role } } }";
        var variables = new { o = GraphQLTestClient.Id("Organisation", organisation) };

        var asMember = (await _client.PostAsync(Query, variables, member)).Data.GetProperty("organisation");
        var anonymous = (await _client.PostAsync(Query, variables)).Data.GetProperty("organisation");

        Assert.StartsWith("http://localhost/calendar/organisations/", asMember.GetProperty("calendarFeedUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("MEMBER", asMember.GetProperty("members")[0].GetProperty("role").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.GetProperty("calendarFeedUrl").ValueKind);
        Assert.Equal(0, anonymous.GetProperty("members").GetArrayLength());
    }
}
