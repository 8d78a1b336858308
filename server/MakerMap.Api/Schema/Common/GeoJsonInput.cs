using System.Globalization;
using System.Text.Json;
using MakerMap.GraphQL.Types;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace MakerMap.Api.Schema;

/// <summary>
/// A GeoJSON geometry object (RFC 7946 §3.1) from the client, read by NetTopologySuite.IO.GeoJSON4STJ
/// and validated: a known geometry type, positions of finite numbers with longitude in [-180, 180]
/// and latitude in [-90, 90], closed linear rings of at least four positions, no self-intersections,
/// and at most <see cref="MaxVertices"/> positions. Invalid values fail input coercion, which the engine
/// reports as <c>BAD_USER_INPUT</c> with the message given here.
/// </summary>
public sealed class GeoJsonInput
{
    /// <summary>Most positions accepted in one geometry.</summary>
    public const int MaxVertices = 10_000;

    private GeoJsonInput(Geometry geometry, string json)
    {
        Geometry = geometry;
        Json = json;
    }

    /// <summary>The geometry (SRID 4326; X = longitude).</summary>
    public Geometry Geometry { get; }

    /// <summary>The geometry as compact GeoJSON text.</summary>
    public string Json { get; }

    /// <summary>The GeoJSON type, e.g. <c>Polygon</c>.</summary>
    public string Type => Geometry.GeometryType;

    /// <summary>Input coercion of the <c>GeoJSON</c> scalar.</summary>
    public static object? Parse(object? value)
    {
        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw Invalid("GeoJSON must be a geometry object such as {\"type\": \"Point\", \"coordinates\": [3.725, 51.054]}.");
        }
        if (map.GetValueOrDefault("type") is not string type)
        {
            throw Invalid("GeoJSON must have a string \"type\".");
        }
        if (type is not ("Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon"))
        {
            throw Invalid($"GeoJSON type \"{type}\" is not supported; use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon.");
        }
        // The engine hands the value over as coerced JSON (maps, lists, numbers); GeoJSON4STJ reads it
        // back from text, then the positions are checked on the geometry it built.
        var json = JsonSerializer.Serialize(new Dictionary<string, object?> { ["type"] = type, ["coordinates"] = map.GetValueOrDefault("coordinates") });
        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(json, GeoJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw Invalid($"The {type} cannot be read as GeoJSON (positions must be [longitude, latitude], rings closed and of at least four positions): {e.Message}");
        }
        if (geometry is null || geometry.IsEmpty)
        {
            throw Invalid("GeoJSON \"coordinates\" must be nested arrays of numbers.");
        }
        if (geometry.NumPoints > MaxVertices)
        {
            throw Invalid($"The geometry has more than {MaxVertices} positions.");
        }
        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"Coordinates must lie in [-180, 180] × [-90, 90] (longitude, latitude); got [{c.X}, {c.Y}]."));
            }
        }
        if (geometry is Polygon or MultiPolygon && !geometry.IsValid)
        {
            var error = new IsValidOp(geometry).ValidationError;
            throw Invalid($"The {type} is not valid: {error?.Message ?? "invalid geometry"}"
                + (error?.Coordinate is { } c ? string.Create(CultureInfo.InvariantCulture, $" at [{c.X}, {c.Y}].") : "."));
        }
        geometry.SRID = 4326;
        return new GeoJsonInput(geometry, JsonSerializer.Serialize(geometry, GeoJson.Options));
    }

    private static ValueCoercionException Invalid(string message) => new(message);
}
