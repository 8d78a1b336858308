using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using MakerMap.Api.Auth;
using MakerMap.Api.Schema;
using MakerMap.Data.Export;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Coverage reports as files for planners: <c>/export/coverage.csv</c> (RFC 4180) and
/// <c>/export/coverage.geojson</c> (RFC 7946 FeatureCollection with the sub-areas' boundaries).
/// They take <c>CoverageInput</c> as query parameters and give the same rows as <c>Query.coverage</c>,
/// least covered first. Planners and site admins only (cookie or bearer token).
/// </summary>
internal static class CoverageExportEndpoints
{
    private const string Header = "area_code,area_name,level,population,nearest_distance_m,nearest_place,covered";

    public static IEndpointRouteBuilder MapCoverageExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/coverage.csv", (HttpContext context, CancellationToken ct) => ExportAsync(context, Csv, ct))
            .WithName("ExportCoverageCsv");
        endpoints.MapGet("/export/coverage.geojson", (HttpContext context, CancellationToken ct) => ExportAsync(context, GeoJson, ct))
            .WithName("ExportCoverageGeoJson");
        return endpoints;
    }

    private delegate Task<IResult> Writer(CoverageExport export, CancellationToken ct);

    private static async Task<IResult> ExportAsync(HttpContext context, Writer write, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (context.User.GetAccountId() is null)
        {
            return Error(StatusCodes.Status401Unauthorized, UserErrorCodes.Unauthenticated, "Sign in as a planner to export coverage reports.");
        }
        if (!services.GetRequiredService<AccessPolicy>().CanRunCoverage(context.User))
        {
            return Error(StatusCodes.Status403Forbidden, UserErrorCodes.Forbidden, "Coverage reports are for planners and admins.");
        }
        CoverageRequest request;
        CoverageState report;
        try
        {
            request = CoverageExportRequest.Parse(context.Request.Query);
            report = await services.GetRequiredService<CoverageReportBuilder>().BuildAsync(request, ct);
        }
        catch (ExportParameterException e)
        {
            return ExportParameters.BadRequest(e);
        }
        catch (CoverageInputException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Reason, e.Message, e.Field.Count == 0 ? null : e.Field[^1]);
        }
        var export = await CoverageExport.LoadAsync(services.GetRequiredService<GraphStore>(), request, report, ct);
        return await write(export, ct);
    }

    private static IResult Error(int status, string code, string message, string? field = null) =>
        Results.Json(new { error = new { code, message, field } }, statusCode: status);

    private static Task<IResult> Csv(CoverageExport export, CancellationToken ct)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in export.Rows)
        {
            csv.Append(TextField(row.Code)).Append(',')
                .Append(TextField(row.Name)).Append(',')
                .Append(export.Level).Append(',')
                .Append(row.Population.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.NearestDistanceMeters?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(TextField(export.PlaceName(row))).Append(',')
                .Append(row.Covered ? "true" : "false").Append("\r\n");
        }
        return Task.FromResult(Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", export.FileName("csv")));
    }

    // Names come from users (a resource manager names a place). A spreadsheet runs a cell that starts with
    // =, +, - or @ (or a tab or CR before one) as a formula, so such text gets a leading apostrophe, which
    // spreadsheets show as text (OWASP "CSV injection").
    private static string TextField(string? value) =>
        Field(value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value);

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled.
    private static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Written to the response as it is made, flushed every FlushBytes: the rows are in memory already
    // (the report), but their boundaries' JSON is not gathered whole.
    private static Task<IResult> GeoJson(CoverageExport export, CancellationToken ct) =>
        Task.FromResult(Results.Stream(async body =>
        {
            // over a PipeWriter, as PlaceGeoJsonExport: JsonSerializer.Serialize flushes synchronously
            var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
            await using var json = new Utf8JsonWriter(pipe);
            long sent = 0;
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var row in export.Rows)
            {
                WriteFeature(json, export, row);
                sent = await PlaceGeoJsonExport.FlushWhenFullAsync(json, pipe, sent, ct);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            await pipe.FlushAsync(ct);
            await pipe.CompleteAsync();
        }, "application/geo+json; charset=utf-8", export.FileName("geojson")));

    private static void WriteFeature(Utf8JsonWriter json, CoverageExport export, CoverageRowView row)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WritePropertyName("geometry");
        // GeoJSON4STJ writes the NetTopologySuite geometry Npgsql read; null when the row has no area
        JsonSerializer.Serialize(json, export.Geometry(row), Schema.GeoJson.Options);
        json.WriteStartObject("properties");
        json.WriteString("area_code", row.Code);
        json.WriteString("area_name", row.Name);
        json.WriteString("level", export.Level);
        json.WriteNumber("population", row.Population);
        if (row.NearestDistanceMeters is { } metres)
        {
            json.WriteNumber("nearest_distance_m", metres);
        }
        else
        {
            json.WriteNull("nearest_distance_m");
        }
        json.WriteString("nearest_place", export.PlaceName(row));
        json.WriteBoolean("covered", row.Covered);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
