using System.Globalization;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Schema;

/// <summary>Reading coerced argument values (input objects arrive as dictionaries, lists as sequences).</summary>
public static class Inputs
{
    /// <summary>An input object argument or field, or null.</summary>
    public static IReadOnlyDictionary<string, object?>? Map(object? value) => value as IReadOnlyDictionary<string, object?>;

    /// <summary>The input object argument <paramref name="name"/>; the SDL makes it non-null.</summary>
    public static IReadOnlyDictionary<string, object?> Input(this ResolveContext context, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(context);
        return Map(context.Arguments.GetValueOrDefault(name)) ?? new Dictionary<string, object?>();
    }

    /// <summary>Enum values of a list argument as the database spells them (lower case); null stays null.</summary>
    public static IReadOnlyList<string>? EnumList(object? value) =>
        value is IEnumerable<object?> items && value is not string
            ? [.. items.OfType<string>().Select(v => v.ToLowerInvariant())]
            : null;

    /// <summary>A float value (ints are widened).</summary>
    public static double? AsDouble(object? value) => value switch
    {
        double d => d,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>An int value.</summary>
    public static int? AsInt(object? value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    /// <summary>
    /// A <c>GeoPointInput</c> checked against WGS 84 ranges; out-of-range values throw
    /// <c>BAD_USER_INPUT</c> with reason <c>INVALID_COORDINATES</c> and the field path.
    /// </summary>
    public static (double Longitude, double Latitude) Point(object? value, params string[] path)
    {
        var map = Map(value) ?? throw Errors.BadInput("A point needs a longitude and a latitude.", UserErrorCodes.InvalidCoordinates, path);
        var lon = AsDouble(map.GetValueOrDefault("longitude")) ?? double.NaN;
        var lat = AsDouble(map.GetValueOrDefault("latitude")) ?? double.NaN;
        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            throw Errors.BadInput(string.Create(CultureInfo.InvariantCulture, $"The longitude must be between -180 and 180 degrees, got {lon}."),
                UserErrorCodes.InvalidCoordinates, [.. path, "longitude"]);
        }
        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            throw Errors.BadInput(string.Create(CultureInfo.InvariantCulture, $"The latitude must be between -90 and 90 degrees, got {lat}."),
                UserErrorCodes.InvalidCoordinates, [.. path, "latitude"]);
        }
        return (lon, lat);
    }

    /// <summary>Checks that an int argument lies in [min, max]; throws <c>BAD_USER_INPUT</c> otherwise.</summary>
    public static int Range(int value, int min, int max, string field) =>
        value >= min && value <= max
            ? value
            : throw Errors.BadInput($"\"{field}\" must be between {min} and {max}, got {value}.", UserErrorCodes.InvalidInput, field);
}
