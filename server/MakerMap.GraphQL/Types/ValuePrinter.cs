using System.Collections;
using System.Globalization;
using System.Text;

namespace MakerMap.GraphQL.Types;

/// <summary>Prints plain CLR values (from JSON or coerced literals) as GraphQL value literals.</summary>
internal static class ValuePrinter
{
    public static string Print(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    /// <summary>astFromValue + print: a coerced internal value printed as a literal of <paramref name="type"/>.</summary>
    public static string PrintTyped(object? value, GraphQLType type)
    {
        var sb = new StringBuilder();
        WriteTyped(sb, value, type);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append(Language.Printer.PrintString(s));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(Inspector.FormatNumber(d));
                break;
            case EnumLiteral e:
                sb.Append(e.Name);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(k).Append(": ");
                    Write(sb, v);
                }

                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        sb.Append(", ");
                    }

                    firstItem = false;
                    Write(sb, item);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteTyped(StringBuilder sb, object? value, GraphQLType type)
    {
        if (type is NonNullType nn)
        {
            WriteTyped(sb, value, nn.OfType);
            return;
        }

        if (value is null)
        {
            sb.Append("null");
            return;
        }

        switch (type)
        {
            case ListType list when value is IEnumerable items && value is not string && !Execution.ValueCoercion.IsMap(value):
                sb.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    WriteTyped(sb, item, list.OfType);
                }

                sb.Append(']');
                return;
            case ListType list:
                WriteTyped(sb, value, list.OfType);
                return;
            case InputObjectType io when Execution.ValueCoercion.TryAsMap(value, out var map):
                sb.Append('{');
                var firstField = true;
                foreach (var field in io.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        continue;
                    }

                    if (!firstField)
                    {
                        sb.Append(", ");
                    }

                    firstField = false;
                    sb.Append(field.Name).Append(": ");
                    WriteTyped(sb, fieldValue, field.Type);
                }

                sb.Append('}');
                return;
            case EnumType e:
                sb.Append(e.GetValueByInternal(value)?.Name ?? "null");
                return;
            case ScalarType scalar:
                object? serialized;
                try
                {
                    serialized = scalar.Serialize(value);
                }
                catch (ValueCoercionException)
                {
                    sb.Append("null");
                    return;
                }

                switch (serialized)
                {
                    case string s when scalar.Name == "ID" && IsIntegerText(s):
                        sb.Append(s);
                        return;
                    case string s:
                        sb.Append(Language.Printer.PrintString(s));
                        return;
                    case double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e21:
                        sb.Append(((decimal)d).ToString(CultureInfo.InvariantCulture));
                        return;
                    default:
                        Write(sb, serialized);
                        return;
                }

            default:
                Write(sb, value);
                return;
        }
    }

    private static bool IsIntegerText(string s)
    {
        var i = s.StartsWith('-') ? 1 : 0;
        if (i >= s.Length || (s[i] == '0' && s.Length > i + 1))
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An enum name inside a plain value tree, so printing keeps it unquoted.</summary>
internal sealed record EnumLiteral(string Name);
