namespace MakerMap.Api.Schema;

/// <summary>
/// A <c>CoverageInput</c>, whether it came through GraphQL or the export endpoints' query string.
/// Give exactly one of <see cref="MunicipalityCode"/>, <see cref="AreaId"/> and <see cref="Polygon"/>.
/// </summary>
public sealed record CoverageRequest
{
    /// <summary>A municipality's NIS code.</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>An area's global id.</summary>
    public string? AreaId { get; init; }

    /// <summary>A drawn (Multi)Polygon.</summary>
    public GeoJsonInput? Polygon { get; init; }

    /// <summary>Place kinds, lower case; null means all.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Repair categories, lower case; null means all.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Covered within this many metres.</summary>
    public double MaxDistanceMeters { get; init; } = 1500;

    /// <summary>The day whose confirmed mobile deployments count; null: mobile resources do not count.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Row level, lower case: sector, neighbourhood or municipality.</summary>
    public string RowLevel { get; init; } = "sector";

    /// <summary>Reads the GraphQL <c>CoverageInput</c> (already coerced by the engine).</summary>
    public static CoverageRequest FromGraphQL(IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var area = Inputs.Map(input.GetValueOrDefault("area"));
        return new CoverageRequest
        {
            MunicipalityCode = area?.GetValueOrDefault("municipalityCode") as string,
            AreaId = area?.GetValueOrDefault("areaId") as string,
            Polygon = area?.GetValueOrDefault("polygon") as GeoJsonInput,
            Kinds = Inputs.EnumList(input.GetValueOrDefault("kinds")),
            Categories = Inputs.EnumList(input.GetValueOrDefault("categories")),
            MaxDistanceMeters = Inputs.AsDouble(input.GetValueOrDefault("maxDistanceMeters")) ?? 1500,
            Date = input.GetValueOrDefault("date") as DateOnly?,
            RowLevel = (input.GetValueOrDefault("rowLevel") as string ?? "SECTOR").ToLowerInvariant(),
        };
    }
}

/// <summary>A coverage input the report cannot run with; <see cref="Field"/> is the path inside <c>CoverageInput</c>.</summary>
public sealed class CoverageInputException(string reason, string message, params string[] field) : Exception(message)
{
    /// <summary>A <c>UserErrorCode</c>: <c>INVALID_INPUT</c>, <c>NOT_FOUND</c>, <c>INVALID_GEOMETRY</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>The offending field inside <c>CoverageInput</c>, e.g. <c>["area", "municipalityCode"]</c>.</summary>
    public IReadOnlyList<string> Field { get; } = field;
}
