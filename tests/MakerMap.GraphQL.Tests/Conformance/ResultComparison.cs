using System.Text.Json.Nodes;
using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>
/// Puts execution results in one comparable JSON form: top-level keys in the order errors, data, extensions;
/// errors without <c>extensions</c> (graphql-js adds none; ours carry codes) and sorted, since the order in
/// which parallel resolvers fail is not part of the spec. The order of <c>data</c> is kept: it is.
/// </summary>
internal static class ResultComparison
{
    public static string Normalize(ExecutionResult result) => Normalize(JsonNode.Parse(result.ToJson()))!;

    public static string? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray events:
                return new JsonArray([.. events.Select(e => JsonNode.Parse(Normalize(e)!))]).ToJsonString();
            case JsonObject result:
                var normalized = new JsonObject();
                if (result["errors"] is JsonArray errors)
                {
                    var sorted = errors.Select(e =>
                    {
                        var error = e!.DeepClone().AsObject();
                        error.Remove("extensions");
                        return error.ToJsonString();
                    }).Order(StringComparer.Ordinal);
                    normalized["errors"] = new JsonArray([.. sorted.Select(s => JsonNode.Parse(s))]);
                }

                if (result.TryGetPropertyValue("data", out var data))
                {
                    normalized["data"] = data?.DeepClone();
                }

                if (result["extensions"] is { } extensions)
                {
                    normalized["extensions"] = extensions.DeepClone();
                }

                return normalized.ToJsonString();
            default:
                return node.ToJsonString();
        }
    }

    /// <summary>Subscribes and collects every event (at most ten, as the reference runner does).</summary>
    public static async Task<string?> SubscribeAsync(GraphQLEngine engine, PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken)
    {
        var subscription = await engine.SubscribeAsync(prepared, request, cancellationToken);
        if (subscription.Result is { } failed)
        {
            return Normalize(failed);
        }

        var events = new JsonArray();
        await foreach (var result in subscription.Stream!.WithCancellation(cancellationToken))
        {
            events.Add(JsonNode.Parse(result.ToJson()));
            if (events.Count >= 10)
            {
                break;
            }
        }

        return Normalize(events);
    }
}
