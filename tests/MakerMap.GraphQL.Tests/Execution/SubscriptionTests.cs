using System.Runtime.CompilerServices;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Execution;

public class SubscriptionTests
{
    private static async IAsyncEnumerable<int> Ticks(int count, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private static GraphQLEngine Engine() => new(new SchemaBuilder("""
        type Query { a: Int }
        type Subscription { tick(count: Int!): Tick! fails: Int checked(allowed: Boolean!): Int }
        type Tick { n: Int! double: Int! }
        """)
        .Bind("Query", "a", _ => 1)
        .BindSubscription("tick", (ctx, ct) => Ticks(ctx.Argument<int>("count"), ct))
        .BindSubscription<int>("fails", (_, _) => throw MakerMap.GraphQL.Execution.GraphQLException.Unauthenticated())
        .BindSubscriptionAsync("checked", CheckedTicksAsync)
        .Bind("Tick", "n", ctx => ctx.Source)
        .Bind("Tick", "double", ctx => (int)ctx.Source! * 2)
        .Build());

    [Fact]
    public async Task Subscribe_maps_each_source_event_to_a_response()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { tick(count: 3) { n double } }");
        var prepared = engine.Prepare(request.Query, null);

        var subscription = await engine.SubscribeAsync(prepared, request, CancellationToken.None);

        Assert.True(subscription.IsStream);
        var results = new List<string>();
        await foreach (var result in subscription.Stream!)
        {
            results.Add(result.ToJson());
        }

        Assert.Equal(
            ["""{"data":{"tick":{"n":1,"double":2}}}""", """{"data":{"tick":{"n":2,"double":4}}}""", """{"data":{"tick":{"n":3,"double":6}}}"""],
            results);
    }

    // Stands in for a permission check that needs a database round trip before the stream exists.
    private static async ValueTask<IAsyncEnumerable<int>> CheckedTicksAsync(MakerMap.GraphQL.Execution.ResolveContext ctx, CancellationToken ct)
    {
        await Task.Delay(1, ct);
        return ctx.Argument<bool>("allowed") ? Ticks(2, ct) : throw new MakerMap.GraphQL.Execution.GraphQLException("Not yours.", "FORBIDDEN");
    }

    [Fact]
    public async Task SubscribeAsync_binding_refused_after_an_await_is_a_result_with_its_code()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { checked(allowed: false) }");

        var subscription = await engine.SubscribeAsync(engine.Prepare(request.Query, null), request, CancellationToken.None);

        Assert.False(subscription.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"Not yours.","locations":[{"line":1,"column":16}],"path":["checked"],"extensions":{"code":"FORBIDDEN"}}]}""",
            subscription.Result!.ToJson());
    }

    [Fact]
    public async Task SubscribeAsync_binding_allowed_streams_its_events()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { checked(allowed: true) }");

        var subscription = await engine.SubscribeAsync(engine.Prepare(request.Query, null), request, CancellationToken.None);

        var results = new List<string>();
        await foreach (var result in subscription.Stream!)
        {
            results.Add(result.ToJson());
        }
        Assert.Equal(["""{"data":{"checked":1}}""", """{"data":{"checked":2}}"""], results);
    }

    [Fact]
    public async Task Subscribe_source_stream_error_is_a_result_not_a_stream()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { fails }");

        var subscription = await engine.SubscribeAsync(engine.Prepare(request.Query, null), request, CancellationToken.None);

        Assert.False(subscription.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"Not authenticated.","locations":[{"line":1,"column":16}],"path":["fails"],"extensions":{"code":"UNAUTHENTICATED"}}]}""",
            subscription.Result!.ToJson());
    }

    [Fact]
    public async Task Subscribe_stream_stops_when_cancelled()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { tick(count: 1000) { n } }");
        using var cts = new CancellationTokenSource();
        var subscription = await engine.SubscribeAsync(engine.Prepare(request.Query, null), request, cts.Token);
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in subscription.Stream!.WithCancellation(cts.Token))
            {
                if (++count == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Execute_rejects_subscription_operations()
    {
        var result = await Engine().ExecuteAsync(new GraphQLRequest("subscription { tick(count: 1) { n } }"));

        Assert.False(result.HasData);
        Assert.Equal("BAD_USER_INPUT", result.Errors[0].Code);
    }
}
