using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MakerMap.Data.Internal;

/// <summary>Geometry to and from (E)WKB; every MakerMap geometry is WGS 84 (SRID 4326).</summary>
internal static class Wkb
{
    public const int Wgs84 = 4326;

    // Plain WKB (ST_AsBinary) carries no SRID, so the reader's services default to WGS 84.
    private static readonly NtsGeometryServices Services = new(PrecisionModel.Floating.Value, Wgs84);
    private static readonly GeometryFactory Factory = Services.CreateGeometryFactory(Wgs84);

    public static Geometry Read(byte[] wkb)
    {
        // WKBReader is not thread-safe; it is cheap to create.
        var geometry = new WKBReader(Services).Read(wkb);
        if (geometry.SRID <= 0)
        {
            geometry.SRID = Wgs84;
        }
        return geometry;
    }

    public static Point ReadPoint(byte[] wkb) =>
        Read(wkb) as Point ?? throw new InvalidOperationException("Expected a WKB point.");

    public static byte[] Write(Geometry geometry) => new WKBWriter().Write(geometry);

    public static Point Point(double longitude, double latitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));
}
