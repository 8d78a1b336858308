using System.Text.Json;
using NetTopologySuite.IO.Converters;

namespace MakerMap.Api.Schema;

/// <summary>
/// RFC 7946 reading and writing of NetTopologySuite geometries through NetTopologySuite.IO.GeoJSON4STJ
/// (WGS 84, SRID 4326, no bounding boxes). Polygons keep the ring order they have: those read from
/// PostGIS are made counter-clockwise there (<c>ST_ForcePolygonCCW</c>).
/// </summary>
internal static class GeoJson
{
    public static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };
}
