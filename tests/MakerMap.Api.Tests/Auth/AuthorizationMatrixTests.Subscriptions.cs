using System.Text.Json;
using MakerMap.Api.Live;
using MakerMap.Api.Tests.Live;
using MakerMap.Api.Tests.Management;
using Microsoft.Extensions.DependencyInjection;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Auth;

/// <summary>The matrix's subscription rows: over a WebSocket, with the actor's token.</summary>
public sealed partial class AuthorizationMatrixTests
{
    // Whether the actor's approval-queue subscription hears a request made on the own organisation's resource
    // after it started: "allowed" when the queue it sends holds the request; "hidden" when it does not hear of it,
    // refused (FORBIDDEN: the account manages no organisation) or silent (it manages only others, e.g. one it
    // created in an earlier row); UNAUTHENTICATED when anonymous.
    private async Task<string> QueueFeedHearsAsync(Actor actor)
    {
        var hub = fixture.Factory.Services.GetRequiredService<LiveChangeHub>();
        var before = hub.SubscriberCount;
        await using var socket = await GraphQLWsTestClient.ConnectAsync(fixture.Factory, S.Token(actor));
        await socket.SubscribeAsync("q", "subscription { requestsToDecideChanged { id } }");
        var first = socket.ReceiveAsync(TimeSpan.FromSeconds(20));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        // a refused subscription never registers with the hub: its answer is already on the way
        while (!first.IsCompleted && !(hub.IsListening && hub.SubscriberCount > before))
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription neither started nor was refused.");
            await Task.Delay(20);
        }
        if (first.IsCompleted)
        {
            var payload = (await first).GetProperty("payload");
            var errors = payload.ValueKind == JsonValueKind.Array ? payload : payload.GetProperty("errors");
            var code = errors[0].GetProperty("extensions").GetProperty("code").GetString()!;
            return code == Forbid ? Hidden : code;
        }
        var booking = Id("Booking", await BookingAsync("requested"));
        if (await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(3))) != first)
        {
            return Hidden;
        }
        var queue = (await first).GetProperty("payload").GetProperty("data").GetProperty("requestsToDecideChanged");
        return queue.EnumerateArray().Any(b => b.GetProperty("id").GetString() == booking) ? Ok : Hidden;
    }
}
