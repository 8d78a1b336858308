using System.Globalization;
using System.Text.Json;
using MakerMap.GraphQL.Types;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace MakerMap.Api.Schema;

/// <summary>
/// A GeoJSON geometry object (RFC 7946 §3.1) from the client, validated: a known geometry type,
/// positions of two or three finite numbers with longitude in [-180, 180] and latitude in
/// [-90, 90], closed linear rings of at least four positions, no self-intersections, and at most
/// <see cref="MaxVertices"/> positions. Invalid values fail input coercion, which the engine
/// reports as <c>BAD_USER_INPUT</c> with the message given here.
/// </summary>
public sealed class GeoJsonInput
{
    /// <summary>Most positions accepted in one geometry.</summary>
    public const int MaxVertices = 10_000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

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
        var coordinates = map.GetValueOrDefault("coordinates");
        var counter = new VertexCounter();
        Geometry geometry = type switch
        {
            "Point" => Factory.CreatePoint(Position(coordinates, counter)),
            "MultiPoint" => Factory.CreateMultiPointFromCoords(Positions(coordinates, counter, 1)),
            "LineString" => Factory.CreateLineString(Positions(coordinates, counter, 2)),
            "MultiLineString" => Factory.CreateMultiLineString([.. List(coordinates).Select(l => Factory.CreateLineString(Positions(l, counter, 2)))]),
            "Polygon" => ReadPolygon(coordinates, counter),
            "MultiPolygon" => Factory.CreateMultiPolygon([.. List(coordinates).Select(p => ReadPolygon(p, counter))]),
            _ => throw Invalid($"GeoJSON type \"{type}\" is not supported; use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon."),
        };
        if (geometry is Polygon or MultiPolygon && !geometry.IsValid)
        {
            var error = new IsValidOp(geometry).ValidationError;
            throw Invalid($"The {type} is not valid: {error?.Message ?? "invalid geometry"}"
                + (error?.Coordinate is { } c ? string.Create(CultureInfo.InvariantCulture, $" at [{c.X}, {c.Y}].") : "."));
        }
        var json = JsonSerializer.Serialize(new Dictionary<string, object?> { ["type"] = type, ["coordinates"] = coordinates });
        return new GeoJsonInput(geometry, json);
    }

    private static Polygon ReadPolygon(object? rings, VertexCounter counter)
    {
        var list = List(rings);
        if (list.Count == 0)
        {
            throw Invalid("A Polygon needs at least one linear ring.");
        }
        var linear = list.Select(r => Ring(r, counter)).ToArray();
        return Factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static LinearRing Ring(object? ring, VertexCounter counter)
    {
        var positions = Positions(ring, counter, 4);
        if (!positions[0].Equals2D(positions[^1]))
        {
            throw Invalid("Every linear ring must be closed: its first and last positions must be equal.");
        }
        return Factory.CreateLinearRing(positions);
    }

    private static Coordinate[] Positions(object? value, VertexCounter counter, int minimum)
    {
        var list = List(value);
        if (list.Count < minimum)
        {
            throw Invalid($"Expected at least {minimum} positions, got {list.Count}.");
        }
        return [.. list.Select(p => Position(p, counter))];
    }

    private static Coordinate Position(object? value, VertexCounter counter)
    {
        var list = List(value);
        if (list.Count is < 2 or > 3)
        {
            throw Invalid("A position must be [longitude, latitude] or [longitude, latitude, altitude].");
        }
        var lon = Number(list[0]);
        var lat = Number(list[1]);
        if (lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Coordinates must lie in [-180, 180] × [-90, 90] (longitude, latitude); got [{lon}, {lat}]."));
        }
        if (++counter.Count > MaxVertices)
        {
            throw Invalid($"The geometry has more than {MaxVertices} positions.");
        }
        return new Coordinate(lon, lat);
    }

    private static double Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => d,
        decimal m => (double)m,
        _ => throw Invalid("Coordinates must be finite numbers."),
    };

    private static IReadOnlyList<object?> List(object? value) => value switch
    {
        IReadOnlyList<object?> list => list,
        IEnumerable<object?> items when value is not string => [.. items],
        _ => throw Invalid("GeoJSON \"coordinates\" must be nested arrays of numbers."),
    };

    private static ValueCoercionException Invalid(string message) => new(message);

    private sealed class VertexCounter
    {
        public int Count { get; set; }
    }
}
