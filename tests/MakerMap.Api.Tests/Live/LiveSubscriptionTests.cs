using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Accounts;
using MakerMap.Data.Bookings;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Live;

/// <summary>
/// Subscriptions through the real graphql-transport-ws transport with two server instances on one database:
/// changes made on B (or by SQL, as a job would) reach subscribers on A through PostgreSQL LISTEN/NOTIFY.
/// </summary>
[Trait("Category", "Db")]
public sealed class LiveSubscriptionTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private const string SlotSubscription = """
        subscription($r: ID!) { slotAvailabilityChanged(resourceId: $r) { resource { id name } start end slots { id capacity remaining } } }
        """;

    private const string BookingSubscription = "subscription($b: ID!) { bookingUpdated(id: $b) { id status decisionNote } }";

    private const string Request = """
        mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id status } errors { code message } } }
        """;

    private const string Decide = "mutation($i: DecideBookingInput!) { decideBooking(input: $i) { booking { status } errors { code } } }";

    private const string Cancel = "mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { booking { status } errors { code } } }";

    private readonly GraphQLTestClient _onB = new(instances.B, instances.Database);

    private async Task<(Guid Organisation, Guid Resource, Guid Slot, DateTimeOffset Start)> SlotAsync(int capacity)
    {
        var data = instances.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = capacity, Exclusive = false, RequiresApproval = true });
        await _onB.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), capacity);
        return (organisation, resource, slot, start);
    }

    private async Task<string> RequestOnBAsync(Guid resource, Guid slot, Guid organisation, string token)
    {
        var response = await _onB.PostAsync(Request, new
        {
            i = new
            {
                resourceId = GraphQLTestClient.Id("Resource", resource),
                slotId = GraphQLTestClient.Id("Slot", slot),
                organisationId = GraphQLTestClient.Id("Organisation", organisation),
            },
        }, token);
        var payload = response.Data.GetProperty("requestBooking");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        return payload.GetProperty("booking").GetProperty("id").GetString()!;
    }

    private static int RemainingOf(JsonElement payload, Guid slot)
    {
        var slots = payload.GetProperty("data").GetProperty("slotAvailabilityChanged").GetProperty("slots");
        return slots.EnumerateArray().Single(s => s.GetProperty("id").GetString() == GraphQLTestClient.Id("Slot", slot))
            .GetProperty("remaining").GetInt32();
    }

    [Fact]
    public async Task SlotAvailabilityChanged_on_A_reports_request_decline_and_cancel_on_B_with_fresh_remaining()
    {
        var (organisation, resource, slot, start) = await SlotAsync(3);
        var (_, member) = await _onB.MemberAsync(organisation);
        var (_, manager) = await _onB.MemberAsync(organisation, MembershipRole.ResourceManager);
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A);
        await subscriber.SubscribeAsync("s1", SlotSubscription, new { r = GraphQLTestClient.Id("Resource", resource) });
        await instances.A.WaitForSubscribersAsync(1);

        var first = await RequestOnBAsync(resource, slot, organisation, member);
        var requested = await subscriber.NextAsync("s1");
        var change = requested.GetProperty("data").GetProperty("slotAvailabilityChanged");
        Assert.Equal(GraphQLTestClient.Id("Resource", resource), change.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal(start, change.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(start.AddHours(3), change.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(2, RemainingOf(requested, slot));

        var second = await RequestOnBAsync(resource, slot, organisation, member);
        Assert.Equal(1, RemainingOf(await subscriber.NextAsync("s1"), slot));

        var declined = await _onB.PostAsync(Decide, new { i = new { bookingId = first, decision = "DECLINE", note = "Double booked" } }, manager);
        Assert.Equal("DECLINED", declined.Data.GetProperty("decideBooking").GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(2, RemainingOf(await subscriber.NextAsync("s1"), slot));

        var cancelled = await _onB.PostAsync(Cancel, new { i = new { bookingId = second } }, member);
        Assert.Equal("CANCELLED", cancelled.Data.GetProperty("cancelBooking").GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(3, RemainingOf(await subscriber.NextAsync("s1"), slot));
    }

    [Fact]
    public async Task SlotAvailabilityChanged_reports_requests_expired_by_the_job_and_slots_added_by_a_schedule()
    {
        var (organisation, resource, slot, start) = await SlotAsync(2);
        var (_, member) = await _onB.MemberAsync(organisation);
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A);
        await subscriber.SubscribeAsync("s1", SlotSubscription, new { r = GraphQLTestClient.Id("Resource", resource) });
        await instances.A.WaitForSubscribersAsync(1);
        await RequestOnBAsync(resource, slot, organisation, member);
        Assert.Equal(1, RemainingOf(await subscriber.NextAsync("s1"), slot));

        // What the expiry job runs, from a connection of neither instance.
        await _onB.ExecuteSqlAsync("UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE resource_id = @r", ("r", resource));
        Assert.Equal(1, RemainingOf(await subscriber.NextAsync("s1"), slot));
        var expired = await new BookingCommands(instances.Database.DataSource, TimeProvider.System).ExpireUndecidedAsync(CancellationToken.None);
        Assert.Equal(1, expired);
        Assert.Equal(2, RemainingOf(await subscriber.NextAsync("s1"), slot));

        var nextDay = await instances.Database.Data.SlotAsync(resource, start.AddDays(1), start.AddDays(1).AddHours(2), 2);
        var added = await subscriber.NextAsync("s1");
        Assert.Equal(start.AddDays(1), added.GetProperty("data").GetProperty("slotAvailabilityChanged").GetProperty("start").GetDateTimeOffset());
        Assert.Equal(2, RemainingOf(added, nextDay));
    }

    [Fact]
    public async Task BookingUpdated_on_A_follows_the_decision_made_on_B()
    {
        var (organisation, resource, slot, _) = await SlotAsync(3);
        var (_, member) = await _onB.MemberAsync(organisation);
        var (_, manager) = await _onB.MemberAsync(organisation, MembershipRole.ResourceManager);
        var booking = await RequestOnBAsync(resource, slot, organisation, member);
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A, member);
        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });
        await instances.A.WaitForSubscribersAsync(1);

        await _onB.PostAsync(Decide, new { i = new { bookingId = booking, decision = "APPROVE", note = "Key at the desk" } }, manager);

        var updated = (await subscriber.NextAsync("b1")).GetProperty("data").GetProperty("bookingUpdated");
        Assert.Equal(booking, updated.GetProperty("id").GetString());
        Assert.Equal("CONFIRMED", updated.GetProperty("status").GetString());
        Assert.Equal("Key at the desk", updated.GetProperty("decisionNote").GetString());
    }

    [Fact]
    public async Task BookingUpdated_for_a_booking_of_another_organisation_is_NOT_FOUND_and_completes()
    {
        var (organisation, resource, slot, _) = await SlotAsync(3);
        var (_, member) = await _onB.MemberAsync(organisation);
        var booking = await RequestOnBAsync(resource, slot, organisation, member);
        var (_, outsider) = await _onB.MemberAsync(await instances.Database.Data.OrganisationAsync());
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A, outsider);

        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });

        var refused = await subscriber.NextAsync("b1");
        var error = refused.GetProperty("errors")[0];
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("There is no booking with this id that you may see.", error.GetProperty("message").GetString());
        Assert.False(refused.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        var complete = await subscriber.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal(0, instances.A.Hub.SubscriberCount);
    }

    [Fact]
    public async Task BookingUpdated_without_signing_in_is_UNAUTHENTICATED()
    {
        var (organisation, resource, slot, _) = await SlotAsync(3);
        var (_, member) = await _onB.MemberAsync(organisation);
        var booking = await RequestOnBAsync(resource, slot, organisation, member);
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A);

        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });

        var refused = await subscriber.NextAsync("b1");
        Assert.Equal("UNAUTHENTICATED", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SlotAvailabilityChanged_for_an_unknown_resource_is_NOT_FOUND()
    {
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A);

        await subscriber.SubscribeAsync("s1", SlotSubscription, new { r = GraphQLTestClient.Id("Resource", Guid.NewGuid()) });

        var error = (await subscriber.NextAsync("s1")).GetProperty("errors")[0];
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["resourceId"], error.GetProperty("extensions").GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Listener_whose_connection_is_terminated_reconnects_resends_current_state_and_delivers_later_changes()
    {
        var (organisation, resource, slot, _) = await SlotAsync(3);
        var (_, member) = await _onB.MemberAsync(organisation);
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(instances.A);
        await subscriber.SubscribeAsync("s1", SlotSubscription, new { r = GraphQLTestClient.Id("Resource", resource) });
        await instances.A.WaitForSubscribersAsync(1);

        await using (var admin = new Npgsql.NpgsqlConnection(TestDatabase.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = 'makermap-live'", admin);
            kill.Parameters.AddWithValue("db", instances.Database.Name);
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        // A cannot know what changed while it was not listening, so once back it re-sends current state:
        // one event over the whole resync window (92 days from now) with every slot's remaining.
        var catchUp = (await subscriber.NextAsync("s1")).GetProperty("data").GetProperty("slotAvailabilityChanged");
        var window = catchUp.GetProperty("end").GetDateTimeOffset() - catchUp.GetProperty("start").GetDateTimeOffset();
        Assert.InRange(window.TotalDays, 91.999, 92.001);
        Assert.Equal(3, catchUp.GetProperty("slots").EnumerateArray().Single().GetProperty("remaining").GetInt32());
        await instances.A.WaitForSubscribersAsync(1);

        await RequestOnBAsync(resource, slot, organisation, member);
        Assert.Equal(2, RemainingOf(await subscriber.NextAsync("s1"), slot));
    }
}
