using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MakerMap.Api.Tests.Auth;

/// <summary>Two sign-in attempts per client address, and 10.0.0.5 configured as a trusted proxy.</summary>
public sealed class ProxiedServerFactory : RateLimitedApiFactory
{
    protected override int PerClientIp => 2;

    protected override int PerEmail => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MakerMap:Proxy:KnownProxies:0", "10.0.0.5");
    }
}

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto from a proxy on the same host or a configured one: each client behind
/// it has its own sign-in budget and gets a Secure cookie over HTTPS; from anyone else the headers are ignored.
/// </summary>
[Trait("Category", "Db")]
public sealed class ForwardedHeadersTests(ProxiedServerFactory server) : IClassFixture<ProxiedServerFactory>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    public async Task Clients_behind_a_trusted_proxy_each_have_their_own_sign_in_budget(string proxy)
    {
        var first = "203.0.113." + (proxy == "127.0.0.1" ? "10" : "20");
        var second = "203.0.113." + (proxy == "127.0.0.1" ? "11" : "21");
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInAsync(proxy, first, "wrong-password-123")).StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInAsync(proxy, first, "wrong-password-123")).StatusCode);

        var limited = await SignInAsync(proxy, first, "wrong-password-123");
        var other = await SignInAsync(proxy, second, "wrong-password-123");

        Assert.Equal(StatusCodes.Status429TooManyRequests, limited.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_addresses_from_an_untrusted_peer_are_ignored()
    {
        const string peer = "198.51.100.9";
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInAsync(peer, "203.0.113.30", "wrong-password-123")).StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInAsync(peer, "203.0.113.31", "wrong-password-123")).StatusCode);

        // a new forwarded address each time does not buy the peer new attempts
        var limited = await SignInAsync(peer, "203.0.113.32", "wrong-password-123");

        Assert.Equal(StatusCodes.Status429TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_when_the_trusted_proxy_says_the_client_used_HTTPS()
    {
        var email = await server.SignUpAsync();

        var overHttps = await SignInAsync("127.0.0.1", "203.0.113.40", RateLimitedApiFactory.Password, email, scheme: "https");
        var overHttp = await SignInAsync("127.0.0.1", "203.0.113.41", RateLimitedApiFactory.Password, email, scheme: "http");
        var spoofed = await SignInAsync("198.51.100.10", "203.0.113.42", RateLimitedApiFactory.Password, email, scheme: "https");

        Assert.Equal(StatusCodes.Status200OK, overHttps.StatusCode);
        Assert.Contains("secure", SetCookie(overHttps), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", SetCookie(overHttp), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", SetCookie(spoofed), StringComparison.OrdinalIgnoreCase);
    }

    private static string SetCookie((int StatusCode, string SetCookie) response) => response.SetCookie;

    private async Task<(int StatusCode, string SetCookie)> SignInAsync(string peer, string forwardedFor, string password, string? email = null, string scheme = "http")
    {
        var context = await server.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            var request = context.Request;
            request.Method = HttpMethods.Post;
            request.Path = "/auth/sign-in";
            request.Headers["X-Forwarded-For"] = forwardedFor;
            request.Headers["X-Forwarded-Proto"] = scheme;
            request.ContentType = "application/json";
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes(
                $$"""{"email":"{{email ?? RateLimitedApiFactory.NewEmail()}}","password":"{{password}}"}"""));
        });
        return (context.Response.StatusCode, context.Response.Headers.SetCookie.ToString());
    }
}
