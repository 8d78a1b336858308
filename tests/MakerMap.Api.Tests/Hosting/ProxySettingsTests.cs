using System.Net;
using MakerMap.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerMap.Api.Tests.Hosting;

public sealed class ProxySettingsTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        return builder;
    }

    [Fact]
    public void Listed_proxies_and_networks_are_trusted_besides_loopback()
    {
        var builder = Builder(("MakerMap:Proxy:KnownProxies:0", "10.0.0.5"), ("MakerMap:Proxy:KnownNetworks:0", "172.16.0.0/12"));

        builder.AddMakerMapProxySupport();
        var options = builder.Services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("172.20.1.1")));
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("MakerMap:Proxy:KnownProxies:0", "proxy.example.org", "KnownProxies")]
    [InlineData("MakerMap:Proxy:KnownNetworks:0", "10.0.0.0/33", "KnownNetworks")]
    public void A_proxy_setting_that_is_not_an_address_stops_the_start_with_the_setting_named(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder((key, value)).AddMakerMapProxySupport());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
