using System.Text.Json;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Place.description(language:)</c> and <c>Place.descriptionLanguage(language:)</c>: the text in the
/// asked language when the place has one (<c>places.descriptions</c>), else the fallback text
/// (<c>places.description</c>, in <c>places.description_language</c>), so a client can mark a fallback.
/// </summary>
internal static class PlaceDescriptions
{
    public static string? Text(IReadOnlyDictionary<string, object?> place, string? language) =>
        Translated(place, language) ?? place["description"] as string;

    public static string? Language(IReadOnlyDictionary<string, object?> place, string? language) =>
        Translated(place, language) is not null ? language
        : place["description"] is string ? place["descriptionLanguage"] as string
        : null;

    private static string? Translated(IReadOnlyDictionary<string, object?> place, string? language)
    {
        if (language is null || place.GetValueOrDefault("descriptionsJson") is not string json || json == "{}")
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        // the table's CHECK keeps every value a non-empty string
        return document.RootElement.TryGetProperty(language, out var text) ? text.GetString() : null;
    }
}
