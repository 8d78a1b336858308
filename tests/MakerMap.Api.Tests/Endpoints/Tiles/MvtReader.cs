using System.Buffers.Binary;
using System.Text;

namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>One decoded MVT layer (Mapbox Vector Tile specification 2.1).</summary>
internal sealed record MvtLayer(string Name, uint Extent, IReadOnlyList<MvtFeature> Features);

/// <summary>
/// One decoded feature: geometry type (1 point, 2 line, 3 polygon), its properties and the first
/// vertex of its geometry in tile coordinates (0..extent inside the tile).
/// </summary>
internal sealed record MvtFeature(int GeometryType, IReadOnlyDictionary<string, object> Properties, (int X, int Y) FirstVertex);

/// <summary>
/// A small protobuf reader for the MVT message structure (Tile → Layer → Feature, keys/values and
/// tags), so tests check what a map client would decode. Only what MVT uses: varints, 32/64-bit
/// fixed and length-delimited fields.
/// </summary>
internal static class MvtReader
{
    public static IReadOnlyList<MvtLayer> Read(byte[] tile)
    {
        var layers = new List<MvtLayer>();
        foreach (var (field, _, bytes) in Fields(tile))
        {
            if (field == 3)
            {
                layers.Add(ReadLayer(bytes));
            }
        }
        return layers;
    }

    private static MvtLayer ReadLayer(ReadOnlyMemory<byte> layer)
    {
        string name = "";
        uint extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var features = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, varint, bytes) in Fields(layer))
        {
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(bytes.Span); break;
                case 2: features.Add(bytes); break;
                case 3: keys.Add(Encoding.UTF8.GetString(bytes.Span)); break;
                case 4: values.Add(ReadValue(bytes)); break;
                case 5: extent = (uint)varint; break;
            }
        }
        return new MvtLayer(name, extent, features.Select(f => ReadFeature(f, keys, values)).ToList());
    }

    private static MvtFeature ReadFeature(ReadOnlyMemory<byte> feature, List<string> keys, List<object> values)
    {
        var type = 0;
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        var first = (0, 0);
        foreach (var (field, varint, bytes) in Fields(feature))
        {
            switch (field)
            {
                case 2:
                    var tags = PackedVarints(bytes);
                    for (var i = 0; i + 1 < tags.Count; i += 2)
                    {
                        properties[keys[(int)tags[i]]] = values[(int)tags[i + 1]];
                    }
                    break;
                case 3: type = (int)varint; break;
                case 4:
                    // [MoveTo(1) count 1] dx dy: the first command of every geometry, relative to (0, 0)
                    var geometry = PackedVarints(bytes);
                    first = (ZigZag(geometry[1]), ZigZag(geometry[2]));
                    break;
            }
        }
        return new MvtFeature(type, properties, first);
    }

    private static object ReadValue(ReadOnlyMemory<byte> value)
    {
        foreach (var (field, varint, bytes) in Fields(value))
        {
            return field switch
            {
                1 => Encoding.UTF8.GetString(bytes.Span),
                2 => BitConverter.Int32BitsToSingle((int)varint),
                3 => BitConverter.Int64BitsToDouble((long)varint),
                4 => (long)varint,
                5 => varint,
                6 => (long)ZigZag(varint),
                7 => varint != 0,
                _ => throw new InvalidDataException($"unknown Value field {field}"),
            };
        }
        throw new InvalidDataException("empty Value");
    }

    private static int ZigZag(ulong value) => (int)(value >> 1) ^ -(int)(value & 1);

    private static List<ulong> PackedVarints(ReadOnlyMemory<byte> bytes)
    {
        var list = new List<ulong>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            list.Add(Varint(bytes.Span, ref offset));
        }
        return list;
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
