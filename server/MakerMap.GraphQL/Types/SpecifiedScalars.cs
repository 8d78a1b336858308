using System.Globalization;

namespace MakerMap.GraphQL.Types;

#pragma warning disable CA1720 // The names are the GraphQL spec's (Int, Float, String, Object).
/// <summary>The spec's built-in scalars: <c>Int</c>, <c>Float</c>, <c>String</c>, <c>Boolean</c> and <c>ID</c>.</summary>
/// <remarks>Coercion rules follow https://spec.graphql.org/September2025/#sec-Scalars with graphql-js's messages.</remarks>
public static class SpecifiedScalars
{
    /// <summary>The 32-bit signed <c>Int</c> scalar.</summary>
    public static ScalarType Int { get; } = new IntScalar();

    /// <summary>The double-precision <c>Float</c> scalar.</summary>
    public static ScalarType Float { get; } = new FloatScalar();

    /// <summary>The UTF-8 <c>String</c> scalar.</summary>
    public static ScalarType String { get; } = new StringScalar();

    /// <summary>The <c>Boolean</c> scalar.</summary>
    public static ScalarType Boolean { get; } = new BooleanScalar();

    /// <summary>The <c>ID</c> scalar, serialized as a string.</summary>
    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>All five, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>Whether <paramref name="name"/> names a built-in scalar.</summary>
    public static bool IsSpecifiedScalar(string name)
        => name is "Int" or "Float" or "String" or "Boolean" or "ID";

    /// <summary>Converts a CLR numeric to double if it is one.</summary>
    internal static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case ushort us: number = us; return true;
            default: number = 0; return false;
        }
    }

    private static ValueCoercionException Fail(string message) => new(message);

    private sealed class IntScalar() : ScalarType("Int", description: "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        public override object? Serialize(object? value)
        {
            if (value is int i)
            {
                return i;
            }

            double num;
            if (value is bool b)
            {
                return b ? 1 : 0;
            }
            else if (value is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                num = parsed;
            }
            else if (!TryGetNumber(value, out num))
            {
                throw Fail("Int cannot represent non-integer value: " + Inspector.Inspect(value));
            }

            return ToInt(num, value);
        }

        public override object? ParseValue(object? value)
        {
            if (value is int i)
            {
                return i;
            }

            if (value is bool || !TryGetNumber(value, out var num))
            {
                throw Fail("Int cannot represent non-integer value: " + Inspector.Inspect(value));
            }

            return ToInt(num, value);
        }

        public override object? ParseLiteral(object? value, LiteralKind kind)
        {
            if (kind != LiteralKind.Int)
            {
                throw Fail("Int cannot represent non-integer value: " + LiteralText(value, kind));
            }

            TryGetNumber(value, out var num);
            if (num is > int.MaxValue or < int.MinValue)
            {
                throw Fail("Int cannot represent non 32-bit signed integer value: " + LiteralText(value, kind));
            }

            return (int)num;
        }

        private static int ToInt(double num, object? original)
        {
            if (double.IsNaN(num) || double.IsInfinity(num) || Math.Floor(num) != num)
            {
                throw Fail("Int cannot represent non-integer value: " + Inspector.Inspect(original));
            }

            if (num is > int.MaxValue or < int.MinValue)
            {
                throw Fail("Int cannot represent non 32-bit signed integer value: " + Inspector.Inspect(original));
            }

            return (int)num;
        }
    }

    private sealed class FloatScalar() : ScalarType("Float", description: "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        public override object? Serialize(object? value)
        {
            double num;
            if (value is bool b)
            {
                return b ? 1d : 0d;
            }
            else if (value is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                num = parsed;
            }
            else if (!TryGetNumber(value, out num))
            {
                throw Fail("Float cannot represent non numeric value: " + Inspector.Inspect(value));
            }

            return double.IsFinite(num) ? num : throw Fail("Float cannot represent non numeric value: " + Inspector.Inspect(value));
        }

        public override object? ParseValue(object? value)
        {
            if (value is bool || !TryGetNumber(value, out var num) || !double.IsFinite(num))
            {
                throw Fail("Float cannot represent non numeric value: " + Inspector.Inspect(value));
            }

            return num;
        }

        public override object? ParseLiteral(object? value, LiteralKind kind)
        {
            if (kind is not (LiteralKind.Int or LiteralKind.Float) || !TryGetNumber(value, out var num))
            {
                throw Fail("Float cannot represent non numeric value: " + LiteralText(value, kind));
            }

            return num;
        }
    }

    private sealed class StringScalar() : ScalarType("String", description: "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
        public override object? Serialize(object? value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            char c => c.ToString(),
            Enum e => e.ToString(),
            double d when double.IsFinite(d) => Inspector.FormatNumber(d),
            _ when TryGetNumber(value, out var n) && double.IsFinite(n) => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => throw Fail("String cannot represent value: " + Inspector.Inspect(value)),
        };

        public override object? ParseValue(object? value)
            => value as string ?? throw Fail("String cannot represent a non string value: " + Inspector.Inspect(value));

        public override object? ParseLiteral(object? value, LiteralKind kind)
            => kind == LiteralKind.String ? value : throw Fail("String cannot represent a non string value: " + LiteralText(value, kind));
    }

    private sealed class BooleanScalar() : ScalarType("Boolean", description: "The `Boolean` scalar type represents `true` or `false`.")
    {
        public override object? Serialize(object? value) => value switch
        {
            bool b => b,
            _ when TryGetNumber(value, out var n) && double.IsFinite(n) => n != 0,
            _ => throw Fail("Boolean cannot represent a non boolean value: " + Inspector.Inspect(value)),
        };

        public override object? ParseValue(object? value)
            => value is bool b ? b : throw Fail("Boolean cannot represent a non boolean value: " + Inspector.Inspect(value));

        public override object? ParseLiteral(object? value, LiteralKind kind)
            => kind == LiteralKind.Boolean ? value : throw Fail("Boolean cannot represent a non boolean value: " + LiteralText(value, kind));
    }

    private sealed class IdScalar() : ScalarType("ID", description: "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        public override object? Serialize(object? value) => value switch
        {
            string s => s,
            Guid g => g.ToString(),
            int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture),
            double d when Math.Floor(d) == d && double.IsFinite(d) => Inspector.FormatNumber(d),
            _ => throw Fail("ID cannot represent value: " + Inspector.Inspect(value)),
        };

        public override object? ParseValue(object? value) => value switch
        {
            string s => s,
            int or long => Convert.ToString(value, CultureInfo.InvariantCulture),
            double d when Math.Floor(d) == d && double.IsFinite(d) => Inspector.FormatNumber(d),
            _ => throw Fail("ID cannot represent value: " + Inspector.Inspect(value)),
        };

        public override object? ParseLiteral(object? value, LiteralKind kind) => kind switch
        {
            LiteralKind.String => value,
            LiteralKind.Int => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => throw Fail("ID cannot represent a non-string and non-integer value: " + LiteralText(value, kind)),
        };
    }

    /// <summary>Prints a literal back as GraphQL source for error messages.</summary>
    internal static string LiteralText(object? value, LiteralKind kind) => kind switch
    {
        LiteralKind.Enum => value as string ?? "",
        LiteralKind.Null => "null",
        LiteralKind.Object or LiteralKind.List => ValuePrinter.Print(value),
        _ => Inspector.Inspect(value),
    };
}
