using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>Per-request state of the conformance schema: a fresh copy of the dataset and the mutation counter.</summary>
internal sealed class TestState
{
    public required List<Dictionary<string, object?>> Makers { get; init; }

    public required List<Dictionary<string, object?>> Tools { get; init; }

    public required List<Dictionary<string, object?>> Spaces { get; init; }

    public required string Now { get; init; }

    public int Counter { get; set; }
}

/// <summary>
/// The shared conformance schema (tests/conformance/schema/test-schema.graphql) with the same deterministic
/// resolvers as tests/conformance/schema/resolvers.mjs over test-data.json; the rules are in that folder's
/// README.md. Resolvers read per-request <see cref="TestState"/> from the request's user context.
/// </summary>
internal static partial class TestSchema
{
    private const string DateTimeMessage = "DateTime must be an RFC 3339 UTC string such as 2024-01-01T00:00:00Z.";

    private static readonly Lazy<string> LazySdl = new(() => File.ReadAllText(RepoPaths.Combine("tests", "conformance", "schema", "test-schema.graphql")));
    private static readonly Lazy<string> DataText = new(() => File.ReadAllText(RepoPaths.Combine("tests", "conformance", "schema", "test-data.json")));
    private static readonly Lazy<Schema> LazySchema = new(Build);

    public static string Sdl => LazySdl.Value;

    public static Schema Schema => LazySchema.Value;

    public static TestState CreateState()
    {
        using var document = JsonDocument.Parse(DataText.Value);
        var root = document.RootElement;
        var state = new TestState
        {
            Makers = Records(root.GetProperty("makers"), "Maker"),
            Tools = Records(root.GetProperty("tools"), null),
            Spaces = Records(root.GetProperty("spaces"), "Space"),
            Now = root.GetProperty("now").GetString()!,
        };
        return state;

        static List<Dictionary<string, object?>> Records(JsonElement array, string? typeName) =>
            [.. array.EnumerateArray().Select(e =>
            {
                var record = (Dictionary<string, object?>)Plain(e)!;
                if (typeName is not null)
                {
                    record["__typename"] = typeName;
                }

                return record;
            })];
    }

    /// <summary>JSON as plain CLR values: dictionaries, lists, strings, int (or long/double), bool, null.</summary>
    public static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i : element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static GraphQLEngine CreateEngine(GraphQLEngineOptions? options = null) => new(Schema, options);

    private static TestState State(ResolveContext ctx) =>
        ctx.UserContext as TestState ?? throw new InvalidOperationException("The conformance schema needs a TestState as the user context.");

    private static Dictionary<string, object?> Src(ResolveContext ctx) => (Dictionary<string, object?>)ctx.Source!;

    private static object? Arg(ResolveContext ctx, string name) => ctx.Arguments.GetValueOrDefault(name);

    private static int? IntArg(ResolveContext ctx, string name) => Arg(ctx, name) is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    private static Dictionary<string, object?>? FindMaker(TestState s, object? id) => s.Makers.Find(m => Equals(m["id"], id));

    private static Dictionary<string, object?>? FindSpace(TestState s, object? id) => s.Spaces.Find(m => Equals(m["id"], id));

    private static Dictionary<string, object?>? FindNode(TestState s, object? id) =>
        FindMaker(s, id) ?? s.Tools.Find(t => Equals(t["id"], id)) ?? FindSpace(s, id);

    private static List<T> Take<T>(List<T> list, int? first)
    {
        if (first is null)
        {
            return list;
        }

        if (first < 0)
        {
            throw new GraphQLException("first must not be negative.");
        }

        return [.. list.Take(first.Value)];
    }

    private static IEnumerable<object?> Items(object? list) => list as IEnumerable<object?> ?? [];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    private static string ParseDateTime(object? value) =>
        value is string s && DateTimePattern().IsMatch(s) ? s : throw new ValueCoercionException(DateTimeMessage);

    private static string SerializeDateTime(object? value) =>
        value is string s && DateTimePattern().IsMatch(s) ? s : throw new ValueCoercionException($"DateTime cannot represent value: {JsonSerializer.Serialize(value)}");

    /// <summary>JSON with keys sorted ordinally at every level and no whitespace (resolvers.mjs canonicalJson).</summary>
    public static string CanonicalJson(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();

        static void Write(StringBuilder b, object? v)
        {
            switch (v)
            {
                case null:
                    b.Append("null");
                    break;
                case string s:
                    AppendJsString(b, s);
                    break;
                case bool flag:
                    b.Append(flag ? "true" : "false");
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    b.Append('{');
                    var first = true;
                    foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        b.Append(first ? "" : ",");
                        AppendJsString(b, key);
                        b.Append(':');
                        Write(b, item);
                        first = false;
                    }

                    b.Append('}');
                    break;
                case System.Collections.IEnumerable list:
                    b.Append('[');
                    var firstItem = true;
                    foreach (var item in list)
                    {
                        b.Append(firstItem ? "" : ",");
                        Write(b, item);
                        firstItem = false;
                    }

                    b.Append(']');
                    break;
                case IFormattable number:
                    b.Append(number.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    AppendJsString(b, v.ToString() ?? "");
                    break;
            }
        }
    }

    /// <summary>A string as JSON.stringify writes it: only quote, backslash, control characters and lone surrogates escaped.</summary>
    private static void AppendJsString(StringBuilder b, string s)
    {
        b.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                case '\b':
                    b.Append("\\b");
                    break;
                case '\f':
                    b.Append("\\f");
                    break;
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                default:
                    var lone = char.IsHighSurrogate(c) ? i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
                    if (c < 0x20 || lone)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }

    private static async IAsyncEnumerable<int> CountTo(int to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= to; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<object?> Nothing([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
