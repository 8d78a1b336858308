using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MakerMap.GraphQL.Types;

/// <summary>Formats values for error messages the way graphql-js's <c>inspect</c> does.</summary>
internal static class Inspector
{
    // JSON.stringify escapes only quotes, backslashes and control characters.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string s) => JsonSerializer.Serialize(s, Relaxed);

    public static string Inspect(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void Write(StringBuilder sb, object? value, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append(Quote(s));
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case double d:
                sb.Append(FormatNumber(d));
                return;
            case float f:
                sb.Append(FormatNumber(f));
                return;
            case int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                if (depth > 2)
                {
                    sb.Append("[Object]");
                    return;
                }

                var first = true;
                foreach (var (k, v) in map)
                {
                    sb.Append(first ? "{ " : ", ");
                    first = false;
                    sb.Append(k).Append(": ");
                    Write(sb, v, depth + 1);
                }

                sb.Append(first ? "{}" : " }");
                return;
            case IEnumerable list:
                if (depth > 2)
                {
                    sb.Append("[Array]");
                    return;
                }

                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        sb.Append(", ");
                    }

                    firstItem = false;
                    Write(sb, item, depth + 1);
                }

                sb.Append(']');
                return;
            default:
                sb.Append(value is Enum ? value.ToString() : "{}");
                return;
        }
    }
}
