using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.Api.Live;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Api.Tests.Live;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 12, item 6: <c>bookingUpdated</c> kept delivering status and purpose after the subscriber left the
/// organisation or signed its token out. Access is now checked per event against the session and memberships of now.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12SubscriptionAccessTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string BookingSubscription = "subscription($b: ID!) { bookingUpdated(id: $b) { id status purpose } }";

    private readonly GraphQLTestClient _client = new(factory);

    private LiveChangeHub Hub => factory.Services.GetRequiredService<LiveChangeHub>();

    /// <summary>An organisation's booking (requested by one member) and a second member, the subscriber, with its token.</summary>
    private async Task<(Guid Organisation, string Booking, Guid Subscriber, string SubscriberToken, string Manager)> BookingAsync()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = 3, Exclusive = false, RequiresApproval = true });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), 3);
        var (_, booker) = await _client.MemberAsync(organisation);
        var (subscriber, subscriberToken) = await _client.MemberAsync(organisation);
        var (_, manager) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);
        var requested = await _client.PostAsync(
            "mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id } errors { code } } }",
            new
            {
                i = new
                {
                    resourceId = GraphQLTestClient.Id("Resource", resource),
                    slotId = GraphQLTestClient.Id("Slot", slot),
                    organisationId = GraphQLTestClient.Id("Organisation", organisation),
                    purpose = "Repair café in the parish hall",
                },
            }, booker);
        var booking = requested.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString()!;
        return (organisation, booking, subscriber, subscriberToken, manager);
    }

    private async Task<GraphQLWsTestClient> SubscribeAsync(string booking, string token)
    {
        var subscriber = await GraphQLWsTestClient.ConnectAsync(factory, token);
        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });
        await WaitForOneSubscriberAsync();
        return subscriber;
    }

    private async Task WaitForOneSubscriberAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(Hub.IsListening && Hub.SubscriberCount == 1))
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription did not start.");
            await Task.Delay(20);
        }
    }

    private Task<GraphQLResponse> ChangeAsync(string booking, string manager, string note) =>
        _client.PostAsync("mutation($i: DecideBookingInput!) { decideBooking(input: $i) { errors { code } } }",
            new { i = new { bookingId = booking, decision = "APPROVE", note } }, manager);

    private Task TouchAsync(string booking) =>
        _client.ExecuteSqlAsync("UPDATE bookings SET decision_note = 'changed again' WHERE id = @b", ("b", GraphQLTestClient.Uuid(booking)));

    private static async Task AssertEndsWithErrorAsync(GraphQLWsTestClient subscriber, string code)
    {
        var refused = await subscriber.NextAsync("b1");
        Assert.Equal(code, refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(refused.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.GetProperty("bookingUpdated").ValueKind != JsonValueKind.Null, "No booking may be delivered: " + refused);
        Assert.Equal("complete", (await subscriber.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task BookingUpdated_after_the_subscriber_leaves_the_organisation_sends_NOT_FOUND_and_completes()
    {
        var (organisation, booking, subscriberId, token, manager) = await BookingAsync();
        await using var subscriber = await SubscribeAsync(booking, token);
        await ChangeAsync(booking, manager, "Key at the desk");
        var first = (await subscriber.NextAsync("b1")).GetProperty("data").GetProperty("bookingUpdated");
        Assert.Equal("CONFIRMED", first.GetProperty("status").GetString());
        Assert.Equal("Repair café in the parish hall", first.GetProperty("purpose").GetString());

        var left = await _client.PostAsync("mutation($i: RemoveMemberInput!) { removeMember(input: $i) { errors { code } } }",
            new { i = new { organisationId = GraphQLTestClient.Id("Organisation", organisation), accountId = GraphQLTestClient.Id("Account", subscriberId) } },
            token);
        Assert.Equal(0, left.Data.GetProperty("removeMember").GetProperty("errors").GetArrayLength());
        await TouchAsync(booking);

        await AssertEndsWithErrorAsync(subscriber, "NOT_FOUND");
        await TouchAsync(booking);
        await subscriber.AssertNothingWithinAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task BookingUpdated_after_the_subscribers_token_is_signed_out_sends_UNAUTHENTICATED_and_completes()
    {
        var (_, booking, _, token, manager) = await BookingAsync();
        await using var subscriber = await SubscribeAsync(booking, token);
        await ChangeAsync(booking, manager, "Key at the desk");
        Assert.Equal("CONFIRMED", (await subscriber.NextAsync("b1")).GetProperty("data").GetProperty("bookingUpdated").GetProperty("status").GetString());

        using (var http = factory.CreateClient())
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out"))
        {
            signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(signOut);
            Assert.Contains("\"signedOut\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await TouchAsync(booking);

        await AssertEndsWithErrorAsync(subscriber, "UNAUTHENTICATED");
        await TouchAsync(booking);
        await subscriber.AssertNothingWithinAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task BookingUpdated_on_a_cookie_session_signed_out_from_another_copy_sends_UNAUTHENTICATED_and_completes()
    {
        var (organisation, booking, _, _, manager) = await BookingAsync();
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var signUp = await browser.PostAsJsonAsync("/auth/sign-up",
            new { email = "cookie-" + Guid.NewGuid().ToString("N")[..12] + "@example.org", password = "repair-cafe-2026" });
        var cookie = signUp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("makermap.session=", StringComparison.Ordinal)).Split(';')[0];
        var accountId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetGuid();
        await new AccountCommands(factory.Database.DataSource).SetMembershipAsync(accountId, organisation, MembershipRole.Member, CancellationToken.None);
        await using var subscriber = await GraphQLWsTestClient.ConnectWithCookieAsync(factory, cookie);
        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });
        await WaitForOneSubscriberAsync();
        await ChangeAsync(booking, manager, "Key at the desk");
        Assert.Equal("CONFIRMED", (await subscriber.NextAsync("b1")).GetProperty("data").GetProperty("bookingUpdated").GetProperty("status").GetString());

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out"))
        {
            signOut.Headers.Add("Cookie", cookie);
            using var response = await browser.SendAsync(signOut);
            Assert.Contains("\"signedOut\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await TouchAsync(booking);

        await AssertEndsWithErrorAsync(subscriber, "UNAUTHENTICATED");
        await TouchAsync(booking);
        await subscriber.AssertNothingWithinAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task BookingUpdated_subscribed_on_a_connection_whose_token_was_signed_out_is_UNAUTHENTICATED()
    {
        var (_, booking, _, token, _) = await BookingAsync();
        await using var subscriber = await GraphQLWsTestClient.ConnectAsync(factory, token);
        await _client.PostAsync("mutation { signOut { errors { code } } }", token: token);

        await subscriber.SubscribeAsync("b1", BookingSubscription, new { b = booking });

        var refused = await subscriber.NextAsync("b1");
        Assert.Equal("UNAUTHENTICATED", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
