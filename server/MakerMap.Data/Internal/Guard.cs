using System.Diagnostics.CodeAnalysis;

namespace MakerMap.Data.Internal;

/// <summary>Argument checks that throw <see cref="DataValidationException"/>.</summary>
internal static class Guard
{
    public static void Longitude(double value, string field = "longitude")
    {
        if (!double.IsFinite(value) || value < -180 || value > 180)
        {
            Throw(field, $"{field} must be between -180 and 180 degrees, got {value}.");
        }
    }

    public static void Latitude(double value, string field = "latitude")
    {
        if (!double.IsFinite(value) || value < -90 || value > 90)
        {
            Throw(field, $"{field} must be between -90 and 90 degrees, got {value}.");
        }
    }

    public static void Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            Throw(field, $"{field} must be between {min} and {max}, got {value}.");
        }
    }

    public static void PositiveMetres(double? value, double max, string field)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0 || v > max))
        {
            Throw(field, $"{field} must be more than 0 and at most {max} metres, got {v}.");
        }
    }

    /// <summary>Null stays null (no filter); an empty list or a value outside the vocabulary is an error.</summary>
    public static string[]? Vocabulary(IReadOnlyCollection<string>? values, IReadOnlySet<string> allowed, string field)
    {
        if (values is null)
        {
            return null;
        }
        if (values.Count == 0)
        {
            Throw(field, $"{field} must not be empty; leave it out to match everything.");
        }
        foreach (var value in values)
        {
            if (!allowed.Contains(value))
            {
                Throw(field, $"{field} contains unknown value '{value}'. Allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
            }
        }
        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    [DoesNotReturn]
    public static void Throw(string field, string message) => throw new DataValidationException(field, message);
}
