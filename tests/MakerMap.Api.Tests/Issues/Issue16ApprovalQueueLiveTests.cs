using System.Text.Json;
using MakerMap.Api.Live;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Api.Tests.Live;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 16: a manager with the approval queue open sees a new request arrive without reloading
/// (<c>requestsToDecideChanged</c>), and only requests on resources of organisations they manage at that moment.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "16")]
public sealed class Issue16ApprovalQueueLiveTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string QueueSubscription = "subscription { requestsToDecideChanged { id status purpose } }";

    private readonly GraphQLTestClient _client = new(factory);

    private LiveChangeHub Hub => factory.Services.GetRequiredService<LiveChangeHub>();

    private sealed record Organisation(Guid Id, Guid Resource, Guid Slot, string Member, Guid ManagerId, string Manager);

    /// <summary>An organisation with a resource needing approval (a slot with room for 3), a member and a resource manager.</summary>
    private async Task<Organisation> OrganisationAsync()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = 3, Exclusive = false, RequiresApproval = true });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(4).AddHours(9), TimeSpan.Zero);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), 3);
        var (_, member) = await _client.MemberAsync(organisation);
        var (managerId, manager) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        return new Organisation(organisation, resource, slot, member, managerId, manager);
    }

    private async Task<string> RequestAsync(Organisation o, string purpose)
    {
        var requested = await _client.PostAsync(
            "mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id } errors { code } } }",
            new
            {
                i = new
                {
                    resourceId = GraphQLTestClient.Id("Resource", o.Resource),
                    slotId = GraphQLTestClient.Id("Slot", o.Slot),
                    organisationId = GraphQLTestClient.Id("Organisation", o.Id),
                    purpose,
                },
            }, o.Member);
        return requested.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString()!;
    }

    private async Task<GraphQLWsTestClient> SubscribeAsync(string token, int subscribers)
    {
        var subscriber = await GraphQLWsTestClient.ConnectAsync(factory, token);
        await subscriber.SubscribeAsync("q", QueueSubscription);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(Hub.IsListening && Hub.SubscriberCount == subscribers))
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription did not start.");
            await Task.Delay(20);
        }
        return subscriber;
    }

    private static List<string> QueueIds(JsonElement payload) =>
        [.. payload.GetProperty("data").GetProperty("requestsToDecideChanged").EnumerateArray().Select(b => b.GetProperty("id").GetString()!)];

    // A refusal at subscribe time arrives as an `error` message (payload: the errors) or a `next` carrying errors.
    private static string RefusalCode(JsonElement message)
    {
        var payload = message.GetProperty("payload");
        var errors = payload.ValueKind == JsonValueKind.Array ? payload : payload.GetProperty("errors");
        return errors[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task RequestsToDecideChanged_sends_a_new_request_to_its_resource_manager_and_nothing_to_another_organisations()
    {
        var gent = await OrganisationAsync();
        var other = await OrganisationAsync();
        await using var gentManager = await SubscribeAsync(gent.Manager, subscribers: 1);
        await using var otherManager = await SubscribeAsync(other.Manager, subscribers: 2);

        var booking = await RequestAsync(gent, "Give-box at the Saturday market");

        var queue = await gentManager.NextAsync("q");
        Assert.Contains(booking, QueueIds(queue));
        var sent = queue.GetProperty("data").GetProperty("requestsToDecideChanged").EnumerateArray().Single(b => b.GetProperty("id").GetString() == booking);
        Assert.Equal("REQUESTED", sent.GetProperty("status").GetString());
        Assert.Equal("Give-box at the Saturday market", sent.GetProperty("purpose").GetString());
        await otherManager.AssertNothingWithinAsync(TimeSpan.FromSeconds(1));

        // the other organisation's own request reaches its manager only, with its queue alone
        var otherBooking = await RequestAsync(other, "Caravan at the school fair");
        Assert.Equal([otherBooking], QueueIds(await otherManager.NextAsync("q")));
        await gentManager.AssertNothingWithinAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RequestsToDecideChanged_sends_the_queue_without_the_request_once_it_is_decided()
    {
        var gent = await OrganisationAsync();
        var booking = await RequestAsync(gent, "Market");
        await using var manager = await SubscribeAsync(gent.Manager, subscribers: 1);

        await _client.PostAsync("mutation($i: DecideBookingInput!) { decideBooking(input: $i) { errors { code } } }",
            new { i = new { bookingId = booking, decision = "DECLINE", note = "The give-box is at the repair fair that day." } }, gent.Manager);

        Assert.DoesNotContain(booking, QueueIds(await manager.NextAsync("q")));
    }

    [Fact]
    public async Task RequestsToDecideChanged_stops_sending_once_the_manager_no_longer_manages_the_organisation()
    {
        var gent = await OrganisationAsync();
        await using var manager = await SubscribeAsync(gent.Manager, subscribers: 1);
        Assert.Single(QueueIds(await RequestAndReceiveAsync()));

        await _client.ExecuteSqlAsync("UPDATE memberships SET role = 'member' WHERE account_id = @a AND organisation_id = @o",
            ("a", gent.ManagerId), ("o", gent.Id));
        await RequestAsync(gent, "Second request, after the role was taken away");

        await manager.AssertNothingWithinAsync(TimeSpan.FromSeconds(1.5));

        async Task<JsonElement> RequestAndReceiveAsync()
        {
            await RequestAsync(gent, "First request");
            return await manager.NextAsync("q");
        }
    }

    [Fact]
    public async Task RequestsToDecideChanged_is_FORBIDDEN_for_a_plain_member_and_UNAUTHENTICATED_anonymously()
    {
        var gent = await OrganisationAsync();
        await using var member = await GraphQLWsTestClient.ConnectAsync(factory, gent.Member);
        await using var anonymous = await GraphQLWsTestClient.ConnectAsync(factory);

        await member.SubscribeAsync("q", QueueSubscription);
        await anonymous.SubscribeAsync("q", QueueSubscription);

        Assert.Equal("FORBIDDEN", RefusalCode(await member.ReceiveAsync()));
        Assert.Equal("UNAUTHENTICATED", RefusalCode(await anonymous.ReceiveAsync()));
    }
}
