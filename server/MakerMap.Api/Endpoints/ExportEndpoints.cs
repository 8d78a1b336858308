using MakerMap.Data.Export;
using Microsoft.Extensions.Primitives;

namespace MakerMap.Api.Endpoints;

/// <summary>Open-data exports: <c>/export/places.geojson</c> (RFC 7946).</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/places.geojson", ExportPlacesAsync).WithName("ExportPlaces");
        return endpoints;
    }

    // ?kind=repair_cafe&kind=give_box&category=electro&locality=Gent (repeat or comma-separate values)
    private static async Task<IResult> ExportPlacesAsync(HttpRequest request, PlaceGeoJsonExport export, CancellationToken cancellationToken)
    {
        var filter = new PlaceExportFilter(
            SplitValues(request.Query["kind"]),
            SplitValues(request.Query["category"]),
            request.Query["locality"].FirstOrDefault());
        var json = await export.ExportAsync(filter, cancellationToken);
        return Results.Text(json, "application/geo+json; charset=utf-8");
    }

    private static List<string>? SplitValues(StringValues values)
    {
        var list = values
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return list.Count == 0 ? null : list;
    }
}
