using MakerMap.Api.Options;
using MakerMap.Data;
using MakerMap.Data.Coverage;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Schema;

/// <summary>
/// Runs a coverage report for a <see cref="CoverageRequest"/>: resolves the area, checks the work it
/// would take and computes the rows (with their areas and nearest places) with
/// <see cref="CoverageQueries"/>. Shared by <c>Query.coverage</c> and the CSV/GeoJSON exports, so
/// both give the same figures.
/// </summary>
/// <remarks>
/// A report's cost grows with its rows and with the places each row is weighed against, not with
/// its km² (a region of fields costs less than a dense city): a request whose estimated sub-areas ×
/// candidate places exceed <see cref="RequestLimitsOptions.MaxCoverageWork"/> is refused with
/// <c>COVERAGE_TOO_LARGE</c> before any of it runs.
/// </remarks>
public sealed class CoverageReportBuilder(CoverageQueries coverage, CoverageReportQueries reports, IOptions<RequestLimitsOptions> limits)
{
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
        var work = await reports.EstimateWorkAsync(request.RowLevel, query.Municipalities, areaJson, metres, filter, ct).ConfigureAwait(false);
        var budget = limits.Value.MaxCoverageWork;
        if (work.Pairs > budget)
        {
            throw new CoverageInputException(UserErrorCodes.CoverageTooLarge,
                $"This report would weigh {work.SubAreas} sub-areas against {work.Places} places ({work.Pairs} pairs); at most {budget} are allowed. "
                + "Choose a smaller area, a coarser rowLevel or fewer kinds and categories.", "area");
        }
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
        var rows = result.Areas
            .Select(a => new CoverageRowView(a))
            .OrderBy(r => r.Covered).ThenByDescending(r => r.NearestDistanceMeters ?? double.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new CoverageState(reports, areaJson, areaName, metres, filter, result, rows,
            result.Areas.Select(a => a.PopulationReferenceDate).DefaultIfEmpty().Max());
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
            return (empty with { Municipalities = municipality.Municipalities }, municipality.GeoJson, municipality.Name);
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
            // a region, province or municipality by its municipalities (rows summing exactly to theirs);
            // a neighbourhood or sector by its polygon
            return (area.Municipalities is { } municipalities
                ? empty with { Municipalities = municipalities }
                : empty with { WithinGeoJson = area.GeoJson }, area.GeoJson, area.Name);
        }
        var polygon = request.Polygon!;
        if (polygon.Type is not ("Polygon" or "MultiPolygon"))
        {
            throw new CoverageInputException(UserErrorCodes.InvalidGeometry, $"The area must be a Polygon or MultiPolygon, not a {polygon.Type}.", "area", "polygon");
        }
        return (empty with { Within = polygon.Geometry }, polygon.Json, null);
    }
}
