using System.Text.Json;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>The file names of a seed directory and the JSON plumbing shared by the readers.</summary>
internal static class SeedFiles
{
    public const string DataSources = "data-sources.json";
    public const string Organisations = "organisations.json";
    public const string Places = "places.geojson";
    public const string Resources = "resources.json";
    public const string Schedules = "schedules.json";
    public const string Municipalities = "flanders-municipalities.geojson";
    public const string Neighbourhoods = "flanders-neighbourhoods.geojson";
    public const string NeighbourhoodPopulation = "flanders-neighbourhoods-population.csv";
    public const string Sectors = "statistical-sectors-flanders-brussels.geojson";
    public const string Streets = "gent-street-network-osm-2017.geojson";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Parse(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException e)
        {
            throw new SeedFileException(fileName, null,
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedFileException(fileName, null, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The elements of a top-level JSON array, as items named <c>[i]</c>.</summary>
    public static IEnumerable<SeedItem> ArrayItems(JsonDocument document, string fileName)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new SeedFileException(fileName, null,
                $"must hold a JSON array, not {SeedItem.Describe(document.RootElement.ValueKind)}");
        }
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            yield return new SeedItem(fileName, $"[{index++}]", element);
        }
    }

    /// <summary>
    /// The features of a GeoJSON FeatureCollection: their properties as items named <c>features[i]</c> and
    /// their geometry's JSON text, whose type must be one of <paramref name="geometryTypes"/>.
    /// </summary>
    public static IEnumerable<(SeedItem Properties, string GeometryJson)> Features(
        JsonDocument document, string fileName, params string[] geometryTypes)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new SeedFileException(fileName, null, "must be a GeoJSON FeatureCollection with a 'features' array");
        }
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var item = $"features[{index++}]";
            if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var properties))
            {
                throw new SeedFileException(fileName, item, "must be a GeoJSON Feature with 'properties'");
            }
            var seedItem = new SeedItem(fileName, item, properties);
            yield return (seedItem, GeometryJson(seedItem, feature, geometryTypes));
        }
    }

    private static string GeometryJson(SeedItem item, JsonElement feature, string[] geometryTypes)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw item.Error("geometry is missing");
        }
        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is null || !geometryTypes.Contains(type, StringComparer.Ordinal))
        {
            throw item.Error($"geometry must be a {string.Join(" or ", geometryTypes)}, not {type ?? "untyped"}");
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw item.Error("geometry has no coordinates array");
        }
        if (type == "Point")
        {
            CheckPosition(item, coordinates);
        }
        return geometry.GetRawText();
    }

    // RFC 7946: a position is [longitude, latitude] in WGS 84 decimal degrees.
    private static void CheckPosition(SeedItem item, JsonElement position)
    {
        if (position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw item.Error("point coordinates must be [longitude, latitude]");
        }
        var longitude = position[0].GetDouble();
        var latitude = position[1].GetDouble();
        if (longitude is < -180 or > 180 || latitude is < -90 or > 90)
        {
            throw item.Error($"point coordinates [{position[0].GetRawText()}, {position[1].GetRawText()}] are not a longitude and latitude in degrees");
        }
    }
}
