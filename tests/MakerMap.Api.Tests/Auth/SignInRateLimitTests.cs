using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Auth;

/// <summary>The server with real (small) sign-in limits; each test class gets its own limiter state.</summary>
public abstract class RateLimitedApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    protected abstract int PerClientIp { get; }

    protected abstract int PerEmail { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MakerMap", Database.ConnectionString);
        builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        builder.UseSetting("MakerMap:SignInRateLimit:PerClientIp", PerClientIp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MakerMap:SignInRateLimit:PerEmail", PerEmail.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MakerMap:SignInRateLimit:Window", "00:10:00");
        builder.UseEnvironment("Testing");
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    public const string Password = "repair-cafe-2026";

    public static string NewEmail() => "limit-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";

    public async Task<string> SignUpAsync()
    {
        var email = NewEmail();
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/sign-up", new { email, password = Password, displayName = "Limit" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return await client.PostAsJsonAsync("/auth/sign-in", new { email, password });
    }

    public async Task<JsonElement> SignInMutationAsync(string email, string password)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($i: SignInInput!) { signIn(input: $i) { account { id } token errors { code message } } }",
            variables = new { i = new { email, password, issueToken = true } },
        });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("signIn").Clone();
    }

    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("code").GetString();
}

public sealed class PerEmailLimitFactory : RateLimitedApiFactory
{
    protected override int PerClientIp => 1000;

    protected override int PerEmail => 3;
}

public sealed class PerClientLimitFactory : RateLimitedApiFactory
{
    protected override int PerClientIp => 4;

    protected override int PerEmail => 1000;
}

/// <summary>Sign-in attempts per e-mail address, over REST and GraphQL with one budget.</summary>
[Trait("Category", "Db")]
public sealed class SignInPerEmailLimitTests(PerEmailLimitFactory server) : IClassFixture<PerEmailLimitFactory>
{
    [Fact]
    public async Task SignIn_beyond_the_per_email_limit_is_429_RATE_LIMITED_even_with_the_right_password()
    {
        var email = await server.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            // the address is compared case-insensitively, so changing its case does not reset the count
            using var wrong = await server.SignInAsync(i == 1 ? email.ToUpperInvariant() : email, "wrong-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await server.SignInAsync(email, RateLimitedApiFactory.Password);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("RATE_LIMITED", await RateLimitedApiFactory.ErrorCodeAsync(limited));
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.False(limited.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_mutation_shares_the_budget_of_the_REST_endpoint_and_answers_RATE_LIMITED()
    {
        var email = await server.SignUpAsync();
        using (var first = await server.SignInAsync(email, "wrong-password-123"))
        using (var second = await server.SignInAsync(email, "wrong-password-123"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        }
        var third = await server.SignInMutationAsync(email, RateLimitedApiFactory.Password);
        Assert.StartsWith("mmt_", third.GetProperty("token").GetString(), StringComparison.Ordinal);

        var fourth = await server.SignInMutationAsync(email, RateLimitedApiFactory.Password);

        Assert.Equal("RATE_LIMITED", fourth.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, fourth.GetProperty("token").ValueKind);
        Assert.Equal(JsonValueKind.Null, fourth.GetProperty("account").ValueKind);
    }

    [Fact]
    public async Task One_address_being_limited_does_not_stop_another_from_signing_in()
    {
        var attacked = await server.SignUpAsync();
        var other = await server.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            (await server.SignInAsync(attacked, "wrong-password-123")).Dispose();
        }

        using var signIn = await server.SignInAsync(other, RateLimitedApiFactory.Password);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}

/// <summary>Sign-in attempts per client address, whatever the e-mail addresses tried.</summary>
[Trait("Category", "Db")]
public sealed class SignInPerClientLimitTests(PerClientLimitFactory server) : IClassFixture<PerClientLimitFactory>
{
    [Fact]
    public async Task A_client_trying_many_addresses_is_limited_over_REST_and_GraphQL()
    {
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await server.SignInAsync(RateLimitedApiFactory.NewEmail(), "wrong-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await server.SignInAsync(RateLimitedApiFactory.NewEmail(), "wrong-password-123");
        var mutation = await server.SignInMutationAsync(RateLimitedApiFactory.NewEmail(), "wrong-password-123");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("RATE_LIMITED", await RateLimitedApiFactory.ErrorCodeAsync(limited));
        Assert.Equal("RATE_LIMITED", mutation.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
