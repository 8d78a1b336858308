using System.Text.Json;
using System.Text.Json.Nodes;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>One corpus document and what graphql-js made of it (tests/conformance/differential/*.json).</summary>
internal sealed record CorpusCase(
    string Id,
    string Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    string Verdict,
    string? Phase,
    IReadOnlyList<string> Rules,
    JsonNode? Result,
    JsonArray? Events)
{
    public bool Accepted => Verdict == "accepted";

    public bool IsSubscription => Events is not null;
}

/// <summary>Loads the committed differential corpus and graphql-js's expected output.</summary>
internal static class DifferentialCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> LazyCases = new(Load);

    public static IReadOnlyDictionary<string, CorpusCase> Cases => LazyCases.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyKnownDivergences = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Conformance, "differential", "known-divergences.json")))!.AsObject()
            .Where(p => !p.Key.StartsWith('_'))
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal));

    public static IEnumerable<object[]> Ids => Cases.Keys.Select(id => new object[] { id });

    /// <summary>Documents where the engine is known to differ, with the reason (differential/known-divergences.json).</summary>
    public static IReadOnlyDictionary<string, string> KnownDivergences => LazyKnownDivergences.Value;

    private static Dictionary<string, CorpusCase> Load()
    {
        var folder = Path.Combine(RepoPaths.Conformance, "differential");
        using var corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "corpus.json")));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!["results"]!.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => r!, StringComparer.Ordinal);
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var doc in corpus.RootElement.EnumerateArray())
        {
            var id = doc.GetProperty("id").GetString()!;
            var result = expected[id];
            cases[id] = new CorpusCase(
                id,
                doc.GetProperty("query").GetString()!,
                doc.TryGetProperty("operationName", out var name) ? name.GetString() : null,
                doc.TryGetProperty("variables", out var variables) ? (IReadOnlyDictionary<string, object?>?)TestSchema.Plain(variables) : null,
                (string)result["verdict"]!,
                (string?)result["phase"],
                result["rules"]?.AsArray().Select(r => (string)r!).ToList() ?? [],
                result["result"]?.DeepClone(),
                result["events"]?.DeepClone().AsArray());
        }

        return cases;
    }
}
