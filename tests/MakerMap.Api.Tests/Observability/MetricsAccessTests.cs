using System.Net;
using MakerMap.Api.Observability;

namespace MakerMap.Api.Tests.Observability;

[Trait("Issue", "13")]
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.10.0.3", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("fd00::17", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("203.0.113.5", false)]
    [InlineData("fe80::1", false)]
    public void Metrics_access_allows_loopback_and_the_configured_networks_only(string address, bool allowed)
    {
        var access = new MetricsAccess(["10.0.0.0/8", "fd00::/64"]);

        Assert.Equal(allowed, access.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void Metrics_access_without_a_remote_address_is_refused()
    {
        Assert.False(new MetricsAccess([]).IsAllowed(null));
    }

    [Fact]
    public void Metrics_access_with_a_malformed_network_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MetricsAccess(["10.0.0.0/33"]));

        Assert.Equal("MakerMap:Metrics:AllowedNetworks: \"10.0.0.0/33\" is not a CIDR range such as 10.0.0.0/8.", error.Message);
    }
}
