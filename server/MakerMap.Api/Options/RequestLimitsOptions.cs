namespace MakerMap.Api.Options;

/// <summary>
/// How much work one request and one client may cause (section <c>MakerMap:RequestLimits</c>), so that a
/// few expensive requests cannot take the server from everyone else (issue 12; docs/api.md, "Limits").
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:RequestLimits";

    /// <summary>Largest cost of a GraphQL operation (the engine's <c>ValidationOptions.MaxCost</c>).</summary>
    public int MaxCost { get; set; } = 10_000;

    /// <summary>
    /// Root query fields of one request that use the database at the same time; the others wait their
    /// turn, so a document of many aliases takes a few pooled connections, not all of them.
    /// </summary>
    public int DatabaseConcurrencyPerRequest { get; set; } = 4;

    /// <summary>Requests an anonymous client (one IP address) may have in progress at once.</summary>
    public int AnonymousConcurrency { get; set; } = 4;

    /// <summary>Requests a signed-in account may have in progress at once.</summary>
    public int AuthenticatedConcurrency { get; set; } = 8;

    /// <summary>Requests of a client that wait for a free place before the next one is answered 429.</summary>
    public int QueueLimit { get; set; } = 32;

    /// <summary>
    /// Requests per second an anonymous client (one IP address) may start, as a token bucket that holds
    /// <see cref="AnonymousBurst"/>: a flood of cheap requests (or of ones refused as too costly) is
    /// answered 429 before its body is parsed. 0 turns the rate limit off.
    /// </summary>
    public int AnonymousRequestsPerSecond { get; set; } = 50;

    /// <summary>Requests an anonymous client may send at once before <see cref="AnonymousRequestsPerSecond"/> applies.</summary>
    public int AnonymousBurst { get; set; } = 100;

    /// <summary>
    /// Largest coverage report, as sub-areas in scope × matching places within reach of the area (an
    /// upper estimate taken before the report runs); larger ones are refused with <c>COVERAGE_TOO_LARGE</c>.
    /// The default admits Flanders' 9,159 sectors against 100,000 places.
    /// </summary>
    public long MaxCoverageWork { get; set; } = 1_000_000_000;

    /// <summary>What <c>Retry-After</c> says to a client answered 429 or <c>SERVICE_BUSY</c>.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
