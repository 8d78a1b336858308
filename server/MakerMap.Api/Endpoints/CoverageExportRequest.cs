using System.Globalization;
using MakerMap.Api.Schema;
using MakerMap.Data.Places;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Reads a <c>CoverageInput</c> from the coverage exports' query string: <c>municipalityCode</c> or
/// <c>areaId</c>, <c>kinds</c> and <c>categories</c> (comma-separated GraphQL enum names),
/// <c>maxDistanceMeters</c>, <c>date</c> (YYYY-MM-DD) and <c>rowLevel</c>. Anything else, a repeated
/// parameter or a value that does not parse is a <see cref="CoverageInputException"/>.
/// </summary>
internal static class CoverageExportRequest
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "municipalityCode", "areaId", "kinds", "categories", "maxDistanceMeters", "date", "rowLevel",
    };

    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "SECTOR", "NEIGHBOURHOOD", "MUNICIPALITY" };

    public static CoverageRequest Parse(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name))
            {
                throw Invalid(name, $"Unknown parameter \"{name}\". Known: {string.Join(", ", Known)}.");
            }
            if (values.Count != 1)
            {
                throw Invalid(name, $"Give \"{name}\" once.");
            }
        }
        string? Value(string name) => query.TryGetValue(name, out var v) ? v[0] : null;

        var request = new CoverageRequest
        {
            MunicipalityCode = Value("municipalityCode"),
            AreaId = Value("areaId"),
            Kinds = EnumList(Value("kinds"), "kinds", PlaceVocabulary.Kinds),
            Categories = EnumList(Value("categories"), "categories", PlaceVocabulary.Categories),
        };
        if (Value("maxDistanceMeters") is { } metres)
        {
            if (!double.TryParse(metres, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
            {
                throw Invalid("maxDistanceMeters", "\"maxDistanceMeters\" must be a number of metres.");
            }
            request = request with { MaxDistanceMeters = m };
        }
        if (Value("date") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw Invalid("date", "\"date\" must be a date as YYYY-MM-DD.");
            }
            request = request with { Date = d };
        }
        if (Value("rowLevel") is { } level)
        {
            if (!Levels.Contains(level))
            {
                throw Invalid("rowLevel", "\"rowLevel\" must be SECTOR, NEIGHBOURHOOD or MUNICIPALITY.");
            }
            request = request with { RowLevel = level.ToLowerInvariant() };
        }
        return request;
    }

    // GraphQL enum names are the vocabulary upper-cased (REPAIR_CAFE for repair_cafe).
    private static List<string>? EnumList(string? value, string name, IReadOnlySet<string> vocabulary)
    {
        if (value is null)
        {
            return null;
        }
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        var values = new List<string>();
        foreach (var enumName in names)
        {
            var lower = enumName.ToLowerInvariant();
            if (!string.Equals(enumName, lower.ToUpperInvariant(), StringComparison.Ordinal) || !vocabulary.Contains(lower))
            {
                throw Invalid(name, $"\"{name}\" holds \"{enumName}\", which is not one of "
                    + string.Join(", ", vocabulary.Select(v => v.ToUpperInvariant()).Order(StringComparer.Ordinal)) + ".");
            }
            values.Add(lower);
        }
        return values;
    }

    private static CoverageInputException Invalid(string field, string message) => new(UserErrorCodes.InvalidInput, message, field);
}
