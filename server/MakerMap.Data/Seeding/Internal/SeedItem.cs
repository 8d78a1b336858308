using System.Globalization;
using System.Text.Json;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// One object in a seed file (a GeoJSON feature's properties or a JSON array element) with typed
/// accessors whose errors name the file and the item.
/// </summary>
internal readonly struct SeedItem
{
    private readonly JsonElement _object;

    public SeedItem(string fileName, string item, JsonElement obj)
    {
        FileName = fileName;
        Item = item;
        _object = obj;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Error($"must be an object, not {Describe(obj.ValueKind)}");
        }
    }

    public string FileName { get; }

    /// <summary>E.g. <c>feature 3</c>, or <c>feature 3 ('timelab')</c> once the slug is known.</summary>
    public string Item { get; }

    public SeedItem WithKey(string key) => new(FileName, $"{Item} ('{key}')", _object);

    public SeedFileException Error(string detail, Exception? inner = null) => new(FileName, Item, detail, inner);

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Error($"property '{name}' is missing");

    public string? OptionalString(string name)
    {
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error($"property '{name}' must be a string, not {Describe(value.ValueKind)}");
        }
        var text = value.GetString()!;
        return text.Length == 0 ? throw Error($"property '{name}' must not be empty") : text;
    }

    public string[] StringArray(string name, string[] fallback)
    {
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"property '{name}' must be an array of strings, not {Describe(value.ValueKind)}");
        }
        var list = new List<string>();
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                throw Error($"property '{name}' must be an array of strings, but holds {Describe(element.ValueKind)}");
            }
            list.Add(element.GetString()!);
        }
        return [.. list];
    }

    public bool Boolean(string name, bool fallback)
    {
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"property '{name}' must be true or false, not {Describe(value.ValueKind)}"),
        };
    }

    public int? OptionalInt32(string name)
    {
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error($"property '{name}' must be a whole number, not {Describe(value.ValueKind)} {value.GetRawText()}");
        }
        return number;
    }

    public long RequiredInt64(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Error($"property '{name}' must be a whole number, not {Describe(value.ValueKind)} {value.GetRawText()}");
    }

    public double RequiredDouble(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error($"property '{name}' must be a number, not {Describe(value.ValueKind)} {value.GetRawText()}");
    }

    private JsonElement Required(string name) =>
        _object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error($"property '{name}' is missing");

    /// <summary>
    /// An object of texts per language (<c>{"nl": "…", "fr": "…"}</c>, keys nl, fr or en, non-empty strings) as
    /// JSON text; <c>{}</c> when absent.
    /// </summary>
    public string LanguageTexts(string name)
    {
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error($"property '{name}' must be an object of texts per language, not {Describe(value.ValueKind)}");
        }
        foreach (var text in value.EnumerateObject())
        {
            if (text.Name is not ("nl" or "fr" or "en"))
            {
                throw Error($"property '{name}' has language '{text.Name}'; the languages are nl, fr and en");
            }
            if (text.Value.ValueKind != JsonValueKind.String || text.Value.GetString() is "")
            {
                throw Error($"property '{name}.{text.Name}' must be a non-empty string");
            }
        }
        return value.GetRawText();
    }

    public DateOnly? OptionalDate(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error($"property '{name}' must be a date like 2022-01-01, not '{text}'");
    }

    public DateOnly[] DateArray(string name)
    {
        var texts = StringArray(name, []);
        var dates = new DateOnly[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            dates[i] = DateOnly.TryParseExact(texts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error($"property '{name}' must hold dates like 2026-12-24, not '{texts[i]}'");
        }
        return dates;
    }

    public DateTime RequiredLocalDateTime(string name)
    {
        var text = RequiredString(name);
        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : throw Error($"property '{name}' must be a local date and time like 2026-12-05T14:00:00, not '{text}'");
    }

    public bool TryGetArray(string name, out JsonElement array)
    {
        if (!_object.TryGetProperty(name, out array) || array.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        return array.ValueKind == JsonValueKind.Array
            ? true
            : throw Error($"property '{name}' must be an array, not {Describe(array.ValueKind)}");
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
