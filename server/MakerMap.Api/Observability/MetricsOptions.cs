namespace MakerMap.Api.Observability;

/// <summary>The <c>/metrics</c> endpoint; bound from <c>MakerMap:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:Metrics";

    /// <summary>Serve <c>/metrics</c> and collect metrics at all (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// CIDR ranges (e.g. <c>10.0.0.0/8</c>) besides loopback whose clients may scrape <c>/metrics</c>. The address is the
    /// client's after <c>MakerMap:Proxy</c>'s forwarded headers, so a scrape through a trusted proxy is judged by its origin.
    /// </summary>
    public IReadOnlyList<string> AllowedNetworks { get; set; } = [];

}
