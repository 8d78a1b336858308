using MakerMap.Api.Schema;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MakerMap.Api.Hosting;

/// <summary>
/// The last line of defence: an exception no endpoint handled (an authentication handler that could not reach the
/// database, a bug) becomes a typed JSON answer in the shape its area uses, never an empty 500 or a stack trace.
/// A database outage is 503 with <c>Retry-After</c> and code <c>SERVICE_UNAVAILABLE</c>, logged once per incident
/// by <see cref="DatabaseOutage"/>; anything else is 500 <c>INTERNAL_SERVER_ERROR</c>, logged with its exception.
/// </summary>
public static partial class FailureResponses
{
    /// <summary>The <c>extensions.code</c> / <c>code</c> of answers during a database outage.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>The code of unexpected failures.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    private const string UnavailableMessage = "The service is temporarily unavailable; try again shortly.";

    /// <summary>Adds the middleware; call before anything that may touch the database (authentication included).</summary>
    public static WebApplication UseMakerMapFailureResponses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var outage = app.Services.GetRequiredService<DatabaseOutage>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FailureResponses).FullName!);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away: there is no one to answer.
            }
            catch (Exception exception) when (!context.Response.HasStarted)
            {
                if (DatabaseOutage.IsOutage(exception))
                {
                    outage.ReportFailure(exception);
                    context.Response.Clear();
                    context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ServiceUnavailable, UnavailableMessage).ConfigureAwait(false);
                }
                else
                {
                    LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                    context.Response.Clear();
                    await WriteAsync(context, StatusCodes.Status500InternalServerError, InternalServerError, "Unexpected error.").ConfigureAwait(false);
                }
            }
        });
        // A status without a body (a route that does not exist, a method it does not take, a challenge) gets a
        // typed body as well; responses that carry their own body are left alone.
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return WriteAsync(context.HttpContext, status, CodeOf(status), ReasonPhrases.GetReasonPhrase(status));
        });
        return app;
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => UserErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => UserErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => UserErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => UserErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        >= 500 => InternalServerError,
        _ => "BAD_REQUEST",
    };

    /// <summary>
    /// Writes an error as the request's area spells errors: GraphQL errors under <c>/graphql</c>, the
    /// <c>{"errors":[{"code",…}]}</c> of <c>/auth</c>, and <c>{"error":{"code",…}}</c> elsewhere (exports, tiles).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        var path = context.Request.Path;
        object body;
        if (path.StartsWithSegments("/graphql"))
        {
            var accept = context.Request.Headers.Accept.ToString();
            response.ContentType = (accept.Contains("application/graphql-response+json", StringComparison.OrdinalIgnoreCase)
                ? "application/graphql-response+json" : "application/json") + "; charset=utf-8";
            body = new { errors = new[] { new { message, extensions = new { code } } } };
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            body = path.StartsWithSegments("/auth")
                ? new { errors = new[] { new { code, message } } }
                : new { error = new { code, message } };
        }
        await JsonSerializer.SerializeAsync(response.Body, body, JsonSerializerOptions.Web, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception answering {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
