using System.Text.Json;

namespace MakerMap.GraphQL;

/// <summary>Converts JSON (variables, extensions) to the plain CLR values the engine coerces.</summary>
public static class JsonInput
{
    /// <summary>
    /// JSON → <see cref="string"/>, <see cref="int"/> (when it fits) / <see cref="long"/> / <see cref="double"/>,
    /// <see cref="bool"/>, <see langword="null"/>, <c>Dictionary&lt;string, object?&gt;</c>, <c>List&lt;object?&gt;</c>.
    /// </summary>
    public static object? FromJsonElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }

                if (element.TryGetInt64(out var l))
                {
                    return l;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromJsonElement(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJsonElement(item));
                }

                return list;
            default:
                return null;
        }
    }

    /// <summary>A JSON object as a dictionary, or <see langword="null"/> for JSON null/undefined; throws for other kinds.</summary>
    public static IReadOnlyDictionary<string, object?>? ObjectFromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (Dictionary<string, object?>)FromJsonElement(element)!,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new JsonException("Expected a JSON object."),
    };
}
