using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MakerMap.Data.Tests.Places.OpeningHours;

/// <summary>
/// tests/opening-hours/reference-results.json: what opening_hours.js (tests/conformance/opening-hours/run-reference.mjs)
/// says about every corpus value at every instant. States are one letter per instant: o open, c closed, u unknown,
/// e the reference failed to evaluate (not compared).
/// </summary>
internal sealed record ReferenceResults(string Reference, IReadOnlyList<DateTimeOffset> Instants, IReadOnlyList<ReferenceValue> Values)
{
    private static readonly Lazy<ReferenceResults> LazyLoaded = new(Load);

    public static ReferenceResults Loaded => LazyLoaded.Value;

    /// <summary>The repository's tests/ folder.</summary>
    public static string TestsDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    private static ReferenceResults Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestsDirectory(), "opening-hours", "reference-results.json")));
        var root = document.RootElement;
        var instants = root.GetProperty("instants").EnumerateArray()
            .Select(i => DateTimeOffset.Parse(i.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var values = new List<ReferenceValue>();
        foreach (var v in root.GetProperty("values").EnumerateArray())
        {
            var accepted = v.GetProperty("accepted").GetBoolean();
            var comments = new Dictionary<int, string>();
            if (accepted)
            {
                foreach (var c in v.GetProperty("comments").EnumerateObject())
                {
                    comments[int.Parse(c.Name, System.Globalization.CultureInfo.InvariantCulture)] = c.Value.GetString()!;
                }
            }
            values.Add(new ReferenceValue(v.GetProperty("value").GetString()!, v.GetProperty("source").GetString()!, accepted,
                accepted ? v.GetProperty("states").GetString()! : "", comments,
                accepted ? null : v.GetProperty("error").GetString()));
        }
        return new ReferenceResults(root.GetProperty("reference").GetString()!, instants, values);
    }
}

/// <summary>One corpus value and the reference's verdict on it.</summary>
internal sealed record ReferenceValue(string Value, string Source, bool Accepted, string States, IReadOnlyDictionary<int, string> Comments, string? Error);
