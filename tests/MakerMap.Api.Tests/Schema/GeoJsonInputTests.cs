using MakerMap.Api.Schema;
using MakerMap.GraphQL.Types;
using NetTopologySuite.Geometries;

namespace MakerMap.Api.Tests.Schema;

/// <summary>The GeoJSON scalar's input, read by GeoJSON4STJ and checked position by position (issue 13).</summary>
public sealed class GeoJsonInputTests
{
    private static Dictionary<string, object?> Geometry(string type, object coordinates) =>
        new(StringComparer.Ordinal) { ["type"] = type, ["coordinates"] = coordinates };

    private static List<object?> Ring(params double[][] positions) => [.. positions.Select(p => (object?)p.Cast<object?>().ToList())];

    [Fact]
    public void Parse_reads_a_polygon_into_a_WGS84_geometry_and_compact_GeoJSON()
    {
        var square = Ring([3.7, 51.0], [3.8, 51.0], [3.8, 51.1], [3.7, 51.1], [3.7, 51.0]);

        var input = (GeoJsonInput)GeoJsonInput.Parse(Geometry("Polygon", new List<object?> { square }))!;

        var polygon = Assert.IsType<Polygon>(input.Geometry);
        Assert.Equal(4326, polygon.SRID);
        Assert.Equal(5, polygon.NumPoints);
        Assert.Equal("Polygon", input.Type);
        Assert.Equal("""{"type":"Polygon","coordinates":[[[3.7,51],[3.8,51],[3.8,51.1],[3.7,51.1],[3.7,51]]]}""", input.Json);
    }

    [Fact]
    public void Parse_accepts_integer_coordinates_as_the_engine_coerces_them()
    {
        var input = (GeoJsonInput)GeoJsonInput.Parse(Geometry("Point", new List<object?> { 3, 51L }))!;

        Assert.Equal(new Coordinate(3, 51), input.Geometry.Coordinate);
    }

    [Fact]
    public void Parse_refuses_coordinates_outside_longitude_and_latitude_ranges()
    {
        var e = Assert.Throws<ValueCoercionException>(() => GeoJsonInput.Parse(Geometry("Point", new List<object?> { 181.0, 51.0 })));

        Assert.Equal("Coordinates must lie in [-180, 180] × [-90, 90] (longitude, latitude); got [181, 51].", e.Message);
    }

    [Fact]
    public void Parse_refuses_an_unclosed_ring()
    {
        var open = Ring([3.7, 51.0], [3.8, 51.0], [3.8, 51.1], [3.7, 51.1]);

        var e = Assert.Throws<ValueCoercionException>(() => GeoJsonInput.Parse(Geometry("Polygon", new List<object?> { open })));

        Assert.StartsWith("The Polygon cannot be read as GeoJSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_a_self_intersecting_polygon()
    {
        var bowtie = Ring([0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]);

        var e = Assert.Throws<ValueCoercionException>(() => GeoJsonInput.Parse(Geometry("Polygon", new List<object?> { bowtie })));

        Assert.StartsWith("The Polygon is not valid: Self-intersection", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_unknown_types_and_non_geometry_values()
    {
        Assert.Equal("GeoJSON type \"Feature\" is not supported; use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon.",
            Assert.Throws<ValueCoercionException>(() => GeoJsonInput.Parse(Geometry("Feature", new List<object?>()))).Message);
        Assert.StartsWith("GeoJSON must be a geometry object",
            Assert.Throws<ValueCoercionException>(() => GeoJsonInput.Parse("POINT(3 51)")).Message, StringComparison.Ordinal);
    }
}
