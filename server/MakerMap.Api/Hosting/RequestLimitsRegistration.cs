using System.Globalization;
using System.Threading.RateLimiting;
using MakerMap.Api.Auth;
using MakerMap.Api.Options;
using MakerMap.Api.Schema;

namespace MakerMap.Api.Hosting;

/// <summary>
/// Per-client limits on requests in progress (ASP.NET Core rate limiting): anonymous callers are
/// partitioned by IP address (after the trusted forwarded headers), signed-in callers by account, so
/// four busy clients cannot take every thread and connection from the rest; anonymous clients also have a
/// token bucket of requests per second, so a flood of cheap or refused requests is turned away before its
/// body is parsed. A client over its limit
/// waits in a short queue, then gets HTTP 429 with <c>Retry-After</c> and a GraphQL-shaped JSON body
/// (<c>extensions.code</c> <c>RATE_LIMITED</c>). WebSocket connections are not counted: a subscription
/// would hold its place for as long as it stays open. A database that is too busy outside GraphQL
/// (exports, tiles, calendars) answers 503 <c>SERVICE_BUSY</c> with <c>Retry-After</c>, never a bare 500.
/// </summary>
public static class RequestLimitsRegistration
{
    // The paths that do per-request database work; tiles, the client and /healthz are cheap or cached,
    // and a map asks for many tiles at once.
    private static readonly string[] LimitedPaths = ["/graphql", "/export", "/calendar", "/auth"];

    /// <summary>The <c>extensions.code</c> (GraphQL) or <c>code</c> (REST) of a refused request.</summary>
    public const string RateLimited = UserErrorCodes.RateLimited;

    /// <summary>Binds <see cref="RequestLimitsOptions"/> and registers the per-client concurrency limiter.</summary>
    public static WebApplicationBuilder AddMakerMapRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = builder.Configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        builder.Services.AddOptions<RequestLimitsOptions>().Bind(builder.Configuration.GetSection(RequestLimitsOptions.Section));
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = limits.AnonymousRequestsPerSecond > 0
                ? PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits)),
                    PartitionedRateLimiter.Create<HttpContext, string>(context => RatePartition(context, limits)))
                : PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected.HttpContext, limits, cancellationToken);
        });
        return builder;
    }

    /// <summary>Applies the limiter (after authentication, so accounts have their own partition) and the busy-database handler.</summary>
    public static WebApplication UseMakerMapRequestLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var retryAfter = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value.RetryAfter;
        // Only a busy database is answered here; every other failure goes on to FailureResponses (outages
        // are 503 SERVICE_UNAVAILABLE there, the rest a typed 500), which logs it once.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (DatabaseGate.IsBusy(exception) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = Seconds(retryAfter);
                await context.Response.WriteAsJsonAsync(Body(DatabaseGate.ServiceBusy, "The database is busy; retry in a moment."),
                    context.RequestAborted).ConfigureAwait(false);
            }
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RequestLimitsOptions limits)
    {
        if (context.WebSockets.IsWebSocketRequest || !Array.Exists(LimitedPaths, p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var (key, permits) = context.User.GetAccountId() is { } account
            ? ("account:" + account.ToString("N"), limits.AuthenticatedConcurrency)
            : ("ip:" + context.Connection.RemoteIpAddress, limits.AnonymousConcurrency);
        return RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    // Anonymous clients only: an account is known and bounded by its concurrency.
    private static RateLimitPartition<string> RatePartition(HttpContext context, RequestLimitsOptions limits)
    {
        if (context.WebSockets.IsWebSocketRequest || context.User.GetAccountId() is not null
            || !Array.Exists(LimitedPaths, p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetTokenBucketLimiter("ip:" + context.Connection.RemoteIpAddress, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(limits.AnonymousBurst, 1),
            TokensPerPeriod = limits.AnonymousRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    // Refusals held back at once; beyond them a refusal is answered at once.
    private static readonly SemaphoreSlim Tarpit = new(1024, 1024);

    private static async ValueTask RejectAsync(HttpContext context, RequestLimitsOptions limits, CancellationToken cancellationToken)
    {
        // A client that ignores Retry-After and sends again at once would otherwise get its 429s as fast as
        // it can send (measured: 13 000 refusals a second from four clients, taking the CPU from everyone);
        // holding the refusal for the Retry-After costs an idle connection, no CPU.
        if (Tarpit.Wait(0, CancellationToken.None))
        {
            try
            {
                await Task.Delay(limits.RetryAfter, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Tarpit.Release();
            }
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Seconds(limits.RetryAfter);
        await context.Response.WriteAsJsonAsync(
            Body(RateLimited, "Too many requests in progress from this client; wait for one to finish and retry."),
            cancellationToken).ConfigureAwait(false);
    }

    // Both the GraphQL shape (errors[].extensions.code) and the REST one (errors[].code), so either client reads it.
    private static object Body(string code, string message) =>
        new { errors = new[] { new { message, code, extensions = new { code } } } };

    private static string Seconds(TimeSpan value) =>
        Math.Max(1, (int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
