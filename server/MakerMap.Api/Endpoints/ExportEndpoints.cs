using System.Globalization;
using MakerMap.Data.Export;
using MakerMap.Data.Places;

namespace MakerMap.Api.Endpoints;

/// <summary>Open-data exports: <c>/export/places.geojson</c> (RFC 7946), streamed as it is read.</summary>
internal static class ExportEndpoints
{
    private static readonly string[] Known = ["kinds", "categories", "locality", "wheelchair", "openNow", "boundingBox"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/places.geojson", ExportPlacesAsync).WithName("ExportPlaces");
        return endpoints;
    }

    // ?kinds=REPAIR_CAFE,GIVE_BOX&categories=ELECTRO&locality=Gent&wheelchair=YES&openNow=true&boundingBox=3.6,51.0,3.8,51.1
    // (ExportParameters' convention, as the coverage export and the places tiles)
    private static async Task ExportPlacesAsync(HttpContext context, PlaceGeoJsonExport export, TimeProvider time, CancellationToken cancellationToken)
    {
        PlaceExportFilter filter;
        try
        {
            filter = FilterFrom(context.Request.Query, time.GetUtcNow());
        }
        catch (ExportParameterException e)
        {
            await ExportParameters.BadRequest(e).ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = "application/geo+json; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"makermap-places.geojson\"";
        // written while read: features go out as PostgreSQL sends them, so memory stays flat
        await export.WriteAsync(filter, response.Body, cancellationToken);
    }

    private static PlaceExportFilter FilterFrom(IQueryCollection query, DateTimeOffset now)
    {
        ExportParameters.Check(query, Known);
        var openNow = ExportParameters.Value(query, "openNow");
        if (openNow is not null && !bool.TryParse(openNow, out _))
        {
            throw new ExportParameterException("openNow", $"\"openNow\" is \"{openNow}\"; give true or false.");
        }
        return new PlaceExportFilter(
            ExportParameters.EnumList(ExportParameters.Value(query, "kinds"), "kinds", PlaceVocabulary.Kinds),
            ExportParameters.EnumList(ExportParameters.Value(query, "categories"), "categories", PlaceVocabulary.Categories),
            ExportParameters.Value(query, "locality"),
            ExportParameters.EnumList(ExportParameters.Value(query, "wheelchair"), "wheelchair", PlaceVocabulary.WheelchairAccess),
            BoxFrom(ExportParameters.Value(query, "boundingBox")),
            openNow is not null && bool.Parse(openNow) ? now : null);
    }

    /// <summary><c>west,south,east,north</c> in WGS 84 degrees, as GraphQL's BoundingBoxInput.</summary>
    private static (double, double, double, double)? BoxFrom(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[4];
        if (parts.Length != 4 || !parts.Select((part, i) => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok)
            || numbers[0] < -180 || numbers[2] > 180 || numbers[1] < -90 || numbers[3] > 90 || numbers[0] > numbers[2] || numbers[1] > numbers[3])
        {
            throw new ExportParameterException("boundingBox",
                $"\"boundingBox\" is \"{value}\"; give west,south,east,north in degrees (e.g. 3.6,51.0,3.8,51.1), west ≤ east, south ≤ north.");
        }
        return (numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
