using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>One decoded MVT layer (Mapbox Vector Tile specification 2.1).</summary>
internal sealed record MvtLayer(string Name, uint Extent, IReadOnlyList<MvtFeature> Features);

/// <summary>
/// One decoded feature: geometry type (1 point, 2 line, 3 polygon), its properties and the first
/// vertex of its geometry in tile coordinates (0..extent inside the tile).
/// </summary>
internal sealed record MvtFeature(int GeometryType, IReadOnlyDictionary<string, object> Properties, (int X, int Y) FirstVertex);

/// <summary>
/// Decodes a tile with NetTopologySuite.IO.VectorTiles.Mapbox, so tests check what an independent
/// MVT reader makes of it. The library gives geometries in WGS 84 for a tile address; the tests speak
/// tile coordinates, so the tile is read as tile 0/0/0 and each vertex is projected back to Web
/// Mercator pixels of that tile (x = (lon + 180) / 360 · extent, y likewise from the latitude) and
/// rounded: the inverse of what the library did, exact to well under a pixel at any extent.
/// </summary>
internal static class MvtReader
{
    public static IReadOnlyList<MvtLayer> Read(byte[] tile)
    {
        // The library's layers carry no extent, so that one varint (Layer field 5) is read here.
        var extents = LayerExtents(tile);
        using var stream = new MemoryStream(tile);
        var decoded = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(0, 0, 0));
        return decoded.Layers.Select((layer, i) =>
        {
            var extent = extents[i];
            return new MvtLayer(layer.Name, extent, layer.Features.Select(f => new MvtFeature(
                TypeOf(f.Geometry),
                f.Attributes.GetNames().ToDictionary(name => name, name => f.Attributes[name]!, StringComparer.Ordinal),
                f.Geometry is { IsEmpty: false } g ? TileCoordinates(g.Coordinates[0], extent) : (0, 0))).ToList());
        }).ToList();
    }

    private static int TypeOf(Geometry? geometry) => geometry switch
    {
        IPuntal => 1,
        ILineal => 2,
        IPolygonal => 3,
        _ => 0,
    };

    private static (int X, int Y) TileCoordinates(Coordinate lonLat, uint extent)
    {
        var x = (lonLat.X + 180) / 360 * extent;
        var latitude = lonLat.Y * Math.PI / 180;
        var y = (1 - Math.Log(Math.Tan(latitude) + (1 / Math.Cos(latitude))) / Math.PI) / 2 * extent;
        return ((int)Math.Round(x), (int)Math.Round(y));
    }

    private static List<uint> LayerExtents(byte[] tile)
    {
        var extents = new List<uint>();
        foreach (var (field, _, layer) in Fields(tile))
        {
            if (field == 3)
            {
                uint extent = 4096;
                foreach (var (layerField, varint, _) in Fields(layer))
                {
                    if (layerField == 5)
                    {
                        extent = (uint)varint;
                    }
                }
                extents.Add(extent);
            }
        }
        return extents;
    }

    /// <summary>Every field of a message: number, value of a varint/fixed field, bytes of a length-delimited one.</summary>
    private static IEnumerable<(int Field, ulong Varint, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var offset = 0;
        while (offset < message.Length)
        {
            var key = Varint(message.Span, ref offset);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return (field, Varint(message.Span, ref offset), default);
                    break;
                case 1:
                    yield return (field, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[offset..]), default);
                    offset += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref offset);
                    yield return (field, 0, message.Slice(offset, length));
                    offset += length;
                    break;
                case 5:
                    yield return (field, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[offset..]), default);
                    offset += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int offset)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[offset++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
