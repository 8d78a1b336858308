using System.Globalization;
using MakerMap.Api.Schema;
using MakerMap.Data.Places;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Reads a <c>CoverageInput</c> from the coverage exports' query string: <c>municipalityCode</c> or
/// <c>areaId</c>, <c>kinds</c> and <c>categories</c> (comma-separated GraphQL enum names),
/// <c>maxDistanceMeters</c>, <c>date</c> (YYYY-MM-DD) and <c>rowLevel</c>. Anything else, a repeated
/// parameter or a value that does not parse is an <see cref="ExportParameterException"/>
/// (<see cref="ExportParameters"/>: enum names in any letter case).
/// </summary>
internal static class CoverageExportRequest
{
    private static readonly string[] Known = ["municipalityCode", "areaId", "kinds", "categories", "maxDistanceMeters", "date", "rowLevel"];

    private static readonly HashSet<string> Levels = new(StringComparer.OrdinalIgnoreCase) { "SECTOR", "NEIGHBOURHOOD", "MUNICIPALITY" };

    public static CoverageRequest Parse(IQueryCollection query)
    {
        ExportParameters.Check(query, Known);
        string? Value(string name) => ExportParameters.Value(query, name);

        var request = new CoverageRequest
        {
            MunicipalityCode = Value("municipalityCode"),
            AreaId = Value("areaId"),
            Kinds = ExportParameters.EnumList(Value("kinds"), "kinds", PlaceVocabulary.Kinds),
            Categories = ExportParameters.EnumList(Value("categories"), "categories", PlaceVocabulary.Categories),
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

    private static ExportParameterException Invalid(string field, string message) => new(field, message);
}
