using System.Collections.Concurrent;
using System.Diagnostics;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Tests.Observability;

/// <summary>The engine's spans as an in-process <see cref="ActivityListener"/> sees them (no OTLP exporter configured).</summary>
[Trait("Category", "Db")]
[Trait("Issue", "13")]
public sealed class GraphQLTracingTests(ObservabilityApiFactory factory) : IClassFixture<ObservabilityApiFactory>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is GraphQLTelemetry.SourceName or "Npgsql",
        Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Traced_query_has_an_operation_span_with_semantic_attributes_and_an_Npgsql_child()
    {
        var client = new GraphQLTestClient(factory, factory.Database);
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);

        var result = await client.PostAsync(
            "query TracedNearest($near: GeoPointInput!) { nearestPlaces(near: $near, first: 2) { distanceMeters } }",
            new { near = new { longitude = 3.72, latitude = 51.05 } });

        Assert.False(result.HasErrors, result.Body.ToString());
        var operation = Assert.Single(_stopped, a => a.DisplayName == "query TracedNearest");
        Assert.Equal(GraphQLTelemetry.SourceName, operation.Source.Name);
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("TracedNearest", operation.GetTagItem("graphql.operation.name"));
        // off by default (literals may be personal data); variables are never recorded
        Assert.Null(operation.GetTagItem("graphql.document"));
        Assert.DoesNotContain(operation.TagObjects, tag => tag.Key.Contains("variable", StringComparison.OrdinalIgnoreCase));

        var trace = _stopped.Where(a => a.TraceId == operation.TraceId).ToList();
        var resolver = Assert.Single(trace, a => a.DisplayName == "Query.nearestPlaces");
        Assert.Equal(operation.SpanId, resolver.ParentSpanId);
        Assert.Contains(trace, a => a.Source.Name == "Npgsql" && a.ParentSpanId == resolver.SpanId);
    }
}
