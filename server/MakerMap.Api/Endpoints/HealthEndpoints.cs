using Npgsql;

namespace MakerMap.Api.Endpoints;

/// <summary><c>/healthz</c>: is the server up and can it reach its database?</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).WithName("Health");
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM places");
            var places = (long)(await command.ExecuteScalarAsync(timeout.Token))!;
            return Results.Ok(new { status = "ok", database = "ok", places });
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            // the reason stays in the server log; callers only learn that the database is down
            return Results.Json(new { status = "degraded", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
