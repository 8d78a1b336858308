using MakerMap.Api.Schema;
namespace MakerMap.Api.Endpoints;

/// <summary>
/// The one query-string convention of the exports (<c>/export/places.geojson</c>, <c>/export/coverage.*</c>):
/// parameter names as GraphQL spells the arguments, each at most once, lists comma-separated, enum
/// values as GraphQL enum names in any letter case (<c>REPAIR_CAFE</c>, <c>repair_cafe</c>). Anything
/// else is an <see cref="ExportParameterException"/>, answered 400 <c>INVALID_INPUT</c>.
/// </summary>
internal static class ExportParameters
{
    /// <summary>Throws for a parameter not in <paramref name="known"/> or given more than once.</summary>
    public static void Check(IQueryCollection query, IReadOnlyCollection<string> known)
    {
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new ExportParameterException(name, $"Unknown parameter \"{name}\". Known: {string.Join(", ", known)}.");
            }
            if (values.Count != 1)
            {
                throw new ExportParameterException(name, $"Give \"{name}\" once (separate several values with commas).");
            }
        }
    }

    /// <summary>The parameter's single value, or null when absent.</summary>
    public static string? Value(IQueryCollection query, string name) => query.TryGetValue(name, out var v) ? v[0] : null;

    /// <summary>
    /// A comma-separated list of GraphQL enum names, any letter case, as the lowercase values of
    /// <paramref name="vocabulary"/> (GraphQL enum names are the vocabulary upper-cased); null when absent.
    /// </summary>
    public static List<string>? EnumList(string? value, string name, IReadOnlySet<string> vocabulary)
    {
        if (value is null)
        {
            return null;
        }
        var values = new List<string>();
        foreach (var enumName in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var lower = enumName.ToLowerInvariant();
            if (!vocabulary.Contains(lower))
            {
                throw new ExportParameterException(name, $"\"{name}\" holds \"{enumName}\", which is not one of "
                    + string.Join(", ", vocabulary.Select(v => v.ToUpperInvariant()).Order(StringComparer.Ordinal)) + ".");
            }
            values.Add(lower);
        }
        return values;
    }

    /// <summary>The 400 answer: <c>{"error":{"code":UserErrorCodes.InvalidInput,"message":…,"field":…}}</c>.</summary>
    public static IResult BadRequest(ExportParameterException e) =>
        Results.Json(new { error = new { code = UserErrorCodes.InvalidInput, message = e.Message, field = e.Field } }, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>An export's query string breaks <see cref="ExportParameters"/>' convention.</summary>
internal sealed class ExportParameterException(string field, string message) : Exception(message)
{
    /// <summary>The offending parameter.</summary>
    public string Field { get; } = field;
}
