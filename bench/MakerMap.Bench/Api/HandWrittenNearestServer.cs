using System.Globalization;
using System.Text.Json;
using MakerMap.Data;
using MakerMap.Data.Graph;
using MakerMap.Data.Places;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakerMap.Bench.Api;

/// <summary>
/// The reference point between the two sides of scripts/bench-api.sh's nearest-10 comparison: the least a
/// .NET web server can do for the wrk request, with no GraphQL. One ASP.NET Core endpoint takes
/// <c>POST /graphql</c> with the wrk script's body, reads <c>variables.lon</c>/<c>lat</c>, sends the statement
/// the server sends (the Place-row query, built and bound by the same data-layer code, on a pool with the
/// server's settings), reads every column of every row as the server's data layer does, and writes the
/// selected fields as JSON. No middleware, no parsing or validation of the query, no resolvers.
/// </summary>
/// <remarks>
/// It answers only that request: it is a measuring stick, not an API. What it costs per request is what
/// Kestrel, Npgsql and the kernel cost on this machine; the GraphQL server's throughput divided by this
/// one's is the share the GraphQL engine, the pipeline and the resolvers leave.
/// </remarks>
internal static class HandWrittenNearestServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        if (!values.TryGetValue("--url", out var url) || !values.TryGetValue("--connection", out var connection))
        {
            Console.Error.WriteLine("hand-written-server: --url and --connection are required");
            return 2;
        }

        // the pool settings of server/MakerMap.Api/Hosting/DatabaseRegistration.cs (auto-prepare after the
        // second use, no reset on close), so both servers send PostgreSQL the same messages
        var settings = new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true };
        await using var dataSource = MakerMapDataSource.Create(settings.ConnectionString, applicationName: "makermap-bench-hand-written");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        await using var app = builder.Build();
        app.MapPost("/graphql", (HttpContext http) => AnswerAsync(http, dataSource));
        Console.WriteLine($"hand-written nearest-10 endpoint on {url}/graphql");
        await app.RunAsync();
        return 0;
    }

    private static async Task AnswerAsync(HttpContext http, NpgsqlDataSource dataSource)
    {
        double longitude, latitude;
        using (var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))
        {
            var variables = body.RootElement.GetProperty("variables");
            longitude = variables.GetProperty("lon").GetDouble();
            latitude = variables.GetProperty("lat").GetDouble();
        }

        await using var command = dataSource.CreateCommand(GraphSql.FindNearestPlaceRows);
        NearestSearch.Bind(command, new NearestPlacesQuery { Longitude = longitude, Latitude = latitude, Limit = 10 }, openValues: null);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        int id = reader.GetOrdinal("uuid"), name = reader.GetOrdinal("name"), kind = reader.GetOrdinal("kind"),
            lon = reader.GetOrdinal("longitude"), lat = reader.GetOrdinal("latitude"), distance = reader.GetOrdinal("distanceMeters");
        var row = new object[reader.FieldCount];

        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartArray("nearestPlaces");
        while (await reader.ReadAsync(http.RequestAborted))
        {
            // every column, as the server's data layer reads a Place row
            reader.GetValues(row);
            json.WriteStartObject();
            json.WriteNumber("distanceMeters", (double)row[distance]);
            json.WriteStartObject("place");
            json.WriteString("id", ((Guid)row[id]).ToString("D", CultureInfo.InvariantCulture));
            json.WriteString("name", (string)row[name]);
            json.WriteString("kind", (string)row[kind]);
            json.WriteStartObject("coordinates");
            json.WriteNumber("longitude", (double)row[lon]);
            json.WriteNumber("latitude", (double)row[lat]);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
