using MakerMap.Api.Schema;
using NetTopologySuite.Geometries;

namespace MakerMap.Api.Endpoints;

/// <summary>A coverage report's rows with the names and boundaries the export files show.</summary>
internal sealed class CoverageExport(CoverageRequest request, IReadOnlyList<CoverageRowView> rows,
    IReadOnlyDictionary<Guid, Row> areas, IReadOnlyDictionary<Guid, Row> places)
{
    public IReadOnlyList<CoverageRowView> Rows => rows;

    /// <summary>The rows' level as the GraphQL <c>AreaLevel</c> name.</summary>
    public string Level => request.RowLevel.ToUpperInvariant();

    public static async Task<CoverageExport> LoadAsync(GraphStore store, CoverageRequest request, CoverageState report, CancellationToken ct)
    {
        var areaIds = report.Rows.Select(r => r.AreaId).OfType<Guid>().Distinct().ToList();
        var placeIds = report.Rows.Select(r => r.NearestPlaceId).OfType<Guid>().Distinct().ToList();
        var areas = await store.AreasAsync(areaIds, ct);
        var places = await store.PlacesAsync(placeIds, ct);
        return new CoverageExport(request, report.Rows, areas, places);
    }

    public string? PlaceName(CoverageRowView row) =>
        row.NearestPlaceId is { } id && places.TryGetValue(id, out var place) ? place["name"] as string : null;

    /// <summary>The row's area boundary as Npgsql read it (counter-clockwise exteriors, area_columns.sql).</summary>
    public Geometry? Geometry(CoverageRowView row) =>
        row.AreaId is { } id && areas.TryGetValue(id, out var area) ? area["geometry"] as Geometry : null;

    /// <summary>e.g. <c>coverage-44021-sector-2026-12-12.csv</c>; only codes and dates, so always a safe file name.</summary>
    public string FileName(string extension)
    {
        var scope = request.MunicipalityCode ?? "area";
        var safe = new string([.. scope.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        var date = request.Date is { } d ? "-" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
        return $"coverage-{(safe.Length == 0 ? "area" : safe)}-{request.RowLevel}{date}.{extension}";
    }
}
