using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MakerMap.Api.Hosting;

/// <summary>
/// The client's address and scheme behind a reverse proxy that terminates TLS (nginx, Caddy, a load
/// balancer): <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed when the connection comes
/// from the loopback address or from a proxy or network listed under <c>MakerMap:Proxy</c>, and ignored from
/// any other peer, who could otherwise pick its own address.
/// </summary>
/// <remarks>
/// Without this, behind a proxy every request seems to come from the proxy over plain HTTP: all clients
/// share one sign-in rate-limit budget (one attacker locks everyone out) and the session cookie is not
/// marked <c>Secure</c>.
/// </remarks>
public static class ProxyRegistration
{
    /// <summary>The configuration section: <c>KnownProxies</c> (IP addresses) and <c>KnownNetworks</c> (CIDR).</summary>
    public const string Section = "MakerMap:Proxy";

    /// <summary>Configures the forwarded headers; <see cref="UseMakerMapProxySupport"/> applies them.</summary>
    /// <exception cref="InvalidOperationException">A listed proxy or network is not an IP address or CIDR range.</exception>
    public static WebApplicationBuilder AddMakerMapProxySupport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(ParseAddress).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The defaults keep trusting loopback (127.0.0.0/8 and ::1), for a proxy on the same host.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>Rewrites the connection's remote address and the request scheme from trusted forwarded headers.</summary>
    public static WebApplication UseMakerMapProxySupport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        return app;
    }

    private static IPAddress ParseAddress(string value) => IPAddress.TryParse(value, out var address)
        ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies: \"{value}\" is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var network)
        ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{value}\" is not a CIDR range such as 10.0.0.0/8.");
}
