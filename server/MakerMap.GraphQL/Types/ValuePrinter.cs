using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

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

    public static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append(JsonSerializer.Serialize(s));
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
}

/// <summary>An enum name inside a plain value tree, so printing keeps it unquoted.</summary>
internal sealed record EnumLiteral(string Name);
