using MakerMap.Data;
using MakerMap.Data.Coverage;

namespace MakerMap.Api.Schema;

/// <summary>
/// Runs a coverage report for a <see cref="CoverageRequest"/>: resolves the area, computes the rows
/// with <see cref="CoverageQueries"/> and links them to areas and nearest places. Shared by
/// <c>Query.coverage</c> and the CSV/GeoJSON exports, so both give the same figures.
/// </summary>
public sealed class CoverageReportBuilder(CoverageQueries coverage, CoverageReportQueries reports)
{
    /// <summary>Largest polygon accepted, in km².</summary>
    public const double MaxPolygonSquareKilometres = 2500;

    /// <summary>Largest <c>maxDistanceMeters</c> accepted.</summary>
    public const double MaxDistanceMeters = 50_000;

    /// <summary>The report, with rows least covered first.</summary>
    /// <exception cref="CoverageInputException">The request cannot be run.</exception>
    public async Task<CoverageState> BuildAsync(CoverageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metres = request.MaxDistanceMeters;
        if (!double.IsFinite(metres) || metres is < 1 or > MaxDistanceMeters)
        {
            throw new CoverageInputException(UserErrorCodes.InvalidInput, $"\"maxDistanceMeters\" must be between 1 and {MaxDistanceMeters:F0}.", "maxDistanceMeters");
        }
        var (query, areaJson, areaName) = await AreaAsync(request, ct).ConfigureAwait(false);
        var filter = new CoveragePlaceFilter(request.Kinds, request.Categories, request.Date);
        query = query with
        {
            AreaLevel = request.RowLevel,
            Kinds = request.Kinds,
            Categories = request.Categories,
            MaxDistanceMeters = metres,
            DeploymentDate = request.Date,
        };

        CoverageResult result;
        try
        {
            result = await coverage.GetCoverageAsync(query, ct).ConfigureAwait(false);
        }
        catch (DataValidationException e)
        {
            throw new CoverageInputException(UserErrorCodes.InvalidInput, e.Message, e.Field);
        }
        var links = await reports.LinkRowsAsync(request.RowLevel, [.. result.Areas.Select(a => (a.Code, a.PopulationPoint.X, a.PopulationPoint.Y))],
            filter, ct).ConfigureAwait(false);
        var rows = result.Areas
            .Select(a => new CoverageRowView(a, links.GetValueOrDefault(a.Code)))
            .OrderBy(r => r.Covered).ThenByDescending(r => r.NearestDistanceMeters ?? double.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new CoverageState(reports, areaJson, areaName, metres, filter, result, rows,
            links.Values.Select(l => l.ReferenceDate).DefaultIfEmpty().Max());
    }

    private async Task<(CoverageQuery Query, string AreaJson, string? AreaName)> AreaAsync(CoverageRequest request, CancellationToken ct)
    {
        var given = new[] { request.MunicipalityCode is not null, request.AreaId is not null, request.Polygon is not null }.Count(g => g);
        if (given != 1)
        {
            throw new CoverageInputException(UserErrorCodes.InvalidInput, "Give exactly one of municipalityCode, areaId and polygon.", "area");
        }
        var empty = new CoverageQuery { AreaLevel = "sector", MaxDistanceMeters = 1 };
        if (request.MunicipalityCode is { } code)
        {
            var municipality = await reports.FindMunicipalityAsync(code, ct).ConfigureAwait(false)
                ?? throw new CoverageInputException(UserErrorCodes.NotFound, $"There is no municipality with NIS code \"{code}\".", "area", "municipalityCode");
            return (empty with { MunicipalityNis = code }, municipality.GeoJson, municipality.Name);
        }
        if (request.AreaId is { } globalId)
        {
            if (!GlobalId.TryDecode(globalId, out var type, out var id))
            {
                throw new CoverageInputException(UserErrorCodes.InvalidInput, "\"areaId\" is not a valid global id.", "area", "areaId");
            }
            var area = type == "Area" ? await reports.FindAreaAsync(id, ct).ConfigureAwait(false) : null;
            if (area is null)
            {
                throw new CoverageInputException(UserErrorCodes.NotFound, "There is no area with this id.", "area", "areaId");
            }
            return (area.Level == "municipality"
                ? empty with { MunicipalityNis = area.Code }
                : empty with { WithinGeoJson = area.GeoJson }, area.GeoJson, area.Name);
        }
        var polygon = request.Polygon!;
        if (polygon.Type is not ("Polygon" or "MultiPolygon"))
        {
            throw new CoverageInputException(UserErrorCodes.InvalidGeometry, $"The area must be a Polygon or MultiPolygon, not a {polygon.Type}.", "area", "polygon");
        }
        var km2 = await reports.PolygonSquareKilometresAsync(polygon.Json, ct).ConfigureAwait(false);
        if (km2 > MaxPolygonSquareKilometres)
        {
            throw new CoverageInputException(UserErrorCodes.InvalidGeometry,
                $"The polygon covers {km2:F0} km²; at most {MaxPolygonSquareKilometres:F0} km² is allowed.", "area", "polygon");
        }
        return (empty with { Within = polygon.Geometry }, polygon.Json, null);
    }
}
