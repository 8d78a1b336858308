using MakerMap.Data.Export;
using MakerMap.Data.Places;

namespace MakerMap.Api.Endpoints;

/// <summary>Open-data exports: <c>/export/places.geojson</c> (RFC 7946).</summary>
internal static class ExportEndpoints
{
    private static readonly string[] Known = ["kinds", "categories", "locality"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/places.geojson", ExportPlacesAsync).WithName("ExportPlaces");
        return endpoints;
    }

    // ?kinds=REPAIR_CAFE,GIVE_BOX&categories=ELECTRO&locality=Gent (ExportParameters' convention, as the coverage export)
    private static async Task<IResult> ExportPlacesAsync(HttpRequest request, PlaceGeoJsonExport export, CancellationToken cancellationToken)
    {
        PlaceExportFilter filter;
        try
        {
            ExportParameters.Check(request.Query, Known);
            filter = new PlaceExportFilter(
                ExportParameters.EnumList(ExportParameters.Value(request.Query, "kinds"), "kinds", PlaceVocabulary.Kinds),
                ExportParameters.EnumList(ExportParameters.Value(request.Query, "categories"), "categories", PlaceVocabulary.Categories),
                ExportParameters.Value(request.Query, "locality"));
        }
        catch (ExportParameterException e)
        {
            return ExportParameters.BadRequest(e);
        }
        var json = await export.ExportAsync(filter, cancellationToken);
        return Results.Text(json, "application/geo+json; charset=utf-8");
    }
}
