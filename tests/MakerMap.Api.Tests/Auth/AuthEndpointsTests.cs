using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MakerMap.Api.Auth;
using MakerMap.Data.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace MakerMap.Api.Tests.Auth;

/// <summary>Sign-up, sign-in (cookie and bearer token), sign-out and /auth/me through HTTP against PostGIS.</summary>
[Trait("Category", "Db")]
public sealed class AuthEndpointsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string Password = "repair-cafe-2026";

    [Fact]
    public async Task SignUp_then_sign_in_with_cookie_then_me_returns_the_account()
    {
        var email = NewEmail();
        using (var signUpClient = CookieClient())
        {
            using var signUp = await signUpClient.PostAsJsonAsync("/auth/sign-up", new { email, password = Password, displayName = "Ann" });
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }
        using var client = CookieClient();

        using var signIn = await client.PostAsJsonAsync("/auth/sign-in", new { email = email.ToUpperInvariant(), password = Password });
        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("makermap.session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var account = (await JsonAsync(me)).GetProperty("account");
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Ann", account.GetProperty("displayName").GetString());
        Assert.False(account.GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task Me_reflects_membership_changes_on_the_next_request_with_the_same_cookie()
    {
        var (client, accountId) = await SignedInCookieClientAsync();
        var organisation = await factory.Database.Data.OrganisationAsync();
        var accounts = new AccountCommands(factory.Database.DataSource);

        await accounts.SetMembershipAsync(accountId, organisation, MembershipRole.ResourceManager, CancellationToken.None);
        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        var membership = Assert.Single((await JsonAsync(me)).GetProperty("account").GetProperty("memberships").EnumerateArray());
        Assert.Equal(organisation, membership.GetProperty("organisationId").GetGuid());
        Assert.Equal("resource_manager", membership.GetProperty("role").GetString());
        client.Dispose();
    }

    [Fact]
    public async Task SignIn_upgrades_a_hash_with_fewer_iterations_than_configured()
    {
        var email = NewEmail();
        var weaker = new PasswordHasher(PasswordHasher.MinimumIterations).Hash(Password);
        await new AccountCommands(factory.Database.DataSource).CreateAsync(email, "Old hash", weaker, CancellationToken.None);
        using var client = TokenClient();

        using var signIn = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = Password });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var command = factory.Database.DataSource.CreateCommand("SELECT password_hash FROM accounts WHERE email = @email");
        command.Parameters.AddWithValue("email", email);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.NotEqual(weaker, stored);
        Assert.StartsWith("pbkdf2-sha256$" + PasswordHasher.DefaultIterations.ToString(CultureInfo.InvariantCulture) + "$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_without_credentials_is_401_UNAUTHENTICATED()
    {
        using var client = CookieClient();

        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("UNAUTHENTICATED", FirstErrorCode(await JsonAsync(me)));
    }

    [Fact]
    public async Task Bearer_token_from_sign_in_authenticates_and_sets_no_cookie()
    {
        var email = await SignUpAsync();
        using var client = TokenClient();

        using var signIn = await client.PostAsJsonAsync("/auth/sign-in?token=true", new { email, password = Password });
        var body = await JsonAsync(signIn);
        var token = body.GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        Assert.StartsWith("mmt_", token, StringComparison.Ordinal);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await JsonAsync(me)).GetProperty("account").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Bearer_token_is_stored_only_as_its_SHA256_digest()
    {
        var email = await SignUpAsync();
        using var client = TokenClient();

        using var signIn = await client.PostAsJsonAsync("/auth/sign-in?token=true", new { email, password = Password });
        var token = (await JsonAsync(signIn)).GetProperty("token").GetString()!;

        await using var command = factory.Database.DataSource.CreateCommand("SELECT count(*) FROM access_tokens WHERE token_sha256 = @digest");
        command.Parameters.Add(new NpgsqlParameter("digest", SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Revoked_bearer_token_is_refused()
    {
        var email = await SignUpAsync();
        using var client = TokenClient();
        using var signIn = await client.PostAsJsonAsync("/auth/sign-in?token=true", new { email, password = Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await JsonAsync(signIn)).GetProperty("token").GetString());

        using var signOut = await client.PostAsync(new Uri("/auth/sign-out", UriKind.Relative), null);
        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.True((await JsonAsync(signOut)).GetProperty("signedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("UNAUTHENTICATED", FirstErrorCode(await JsonAsync(me)));
    }

    [Fact]
    public async Task A_copy_of_the_session_cookie_stops_working_when_its_session_signs_out()
    {
        using var browser = CookieClient();
        using var signUp = await browser.PostAsJsonAsync("/auth/sign-up", new { email = NewEmail(), password = Password });
        var accountId = (await JsonAsync(signUp)).GetProperty("account").GetProperty("id").GetGuid();
        var copiedCookie = SessionCookie(signUp);
        using var thief = TokenClient();
        using var before = await MeWithCookieAsync(thief, copiedCookie);
        var sessionsBefore = await CountCookieSessionsAsync(accountId);

        using var signOut = await browser.PostAsync(new Uri("/auth/sign-out", UriKind.Relative), null);
        using var after = await MeWithCookieAsync(thief, copiedCookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(1, sessionsBefore);
        Assert.True((await JsonAsync(signOut)).GetProperty("signedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("UNAUTHENTICATED", FirstErrorCode(await JsonAsync(after)));
        Assert.Equal(0, await CountCookieSessionsAsync(accountId));
    }

    [Fact]
    public async Task Signing_out_one_browser_leaves_the_accounts_other_browser_signed_in()
    {
        var email = await SignUpAsync();
        using var laptop = CookieClient();
        using var phone = CookieClient();
        using var laptopSignIn = await laptop.PostAsJsonAsync("/auth/sign-in", new { email, password = Password });
        using var phoneSignIn = await phone.PostAsJsonAsync("/auth/sign-in", new { email, password = Password });

        using var signOut = await laptop.PostAsync(new Uri("/auth/sign-out", UriKind.Relative), null);
        using var laptopMe = await laptop.GetAsync(new Uri("/auth/me", UriKind.Relative));
        using var phoneMe = await phone.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, laptopMe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, phoneMe.StatusCode);
    }

    [Fact]
    public async Task A_session_cookie_names_a_server_side_session_whose_key_is_stored_only_as_a_digest()
    {
        using var browser = CookieClient();
        using var signUp = await browser.PostAsJsonAsync("/auth/sign-up", new { email = NewEmail(), password = Password });
        var accountId = (await JsonAsync(signUp)).GetProperty("account").GetProperty("id").GetGuid();
        await using var command = factory.Database.DataSource.CreateCommand(
            "SELECT length(key_sha256), expires_at > now() + interval '1 day' FROM cookie_sessions WHERE account_id = @account");
        command.Parameters.AddWithValue("account", accountId);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(32, reader.GetInt32(0));
        Assert.True(reader.GetBoolean(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Expired_bearer_token_is_refused()
    {
        var (_, accountId) = await SignedInCookieClientAsync();
        var token = "mmt_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var issued = DateTimeOffset.UtcNow.AddDays(-31);
        await new AccessTokenStore(factory.Database.DataSource).AddAsync(accountId, SHA256.HashData(Encoding.UTF8.GetBytes(token)),
            issued, issued.AddDays(30), "expired", CancellationToken.None);
        using var client = TokenClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Unknown_bearer_token_is_refused()
    {
        using var client = TokenClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mmt_" + new string('A', 43));

        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignUp_with_a_taken_email_in_another_case_is_409_EMAIL_TAKEN_and_writes_nothing()
    {
        var email = await SignUpAsync();
        using var client = CookieClient();

        using var response = await client.PostAsJsonAsync("/auth/sign-up", new { email = email.ToUpperInvariant(), password = Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("EMAIL_TAKEN", FirstErrorCode(body));
        Assert.Equal("An account with this e-mail address exists already.", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1L, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task SignUp_with_a_short_password_is_400_WEAK_PASSWORD_and_writes_nothing()
    {
        var email = NewEmail();
        using var client = CookieClient();

        using var response = await client.PostAsJsonAsync("/auth/sign-up", new { email, password = "123456789" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("WEAK_PASSWORD", error.GetProperty("code").GetString());
        Assert.Equal("password", error.GetProperty("field").GetString());
        Assert.Equal(0L, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task SignIn_with_a_wrong_password_is_401_INVALID_CREDENTIALS_without_a_cookie()
    {
        var email = await SignUpAsync();
        using var client = CookieClient();

        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = Password + "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", FirstErrorCode(await JsonAsync(response)));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_with_an_unknown_email_gives_the_same_error_as_a_wrong_password()
    {
        using var client = CookieClient();

        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { email = NewEmail(), password = Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", FirstErrorCode(await JsonAsync(response)));
    }

    [Fact]
    public async Task SignIn_with_a_form_body_is_refused_as_INVALID_INPUT()
    {
        using var client = CookieClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = NewEmail(), ["password"] = Password });

        // From the site's own page; without a matching Origin a form post is refused as CROSS_SITE_REQUEST (Issue12CrossSiteTests).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = form };
        request.Headers.Add("Origin", "http://localhost");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("INVALID_INPUT", FirstErrorCode(await JsonAsync(response)));
    }

    [Fact]
    public async Task SignOut_clears_the_cookie_session()
    {
        var (client, _) = await SignedInCookieClientAsync();

        using var signOut = await client.PostAsync(new Uri("/auth/sign-out", UriKind.Relative), null);
        using var me = await client.GetAsync(new Uri("/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        client.Dispose();
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("makermap.session=", StringComparison.Ordinal)).Split(';')[0];

    private static Task<HttpResponseMessage> MeWithCookieAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private async Task<long> CountCookieSessionsAsync(Guid accountId)
    {
        await using var command = factory.Database.DataSource.CreateCommand("SELECT count(*) FROM cookie_sessions WHERE account_id = @account");
        command.Parameters.AddWithValue("account", accountId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private HttpClient CookieClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    private HttpClient TokenClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private static string NewEmail() => "user-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";

    private async Task<string> SignUpAsync()
    {
        var email = NewEmail();
        using var client = TokenClient();
        using var response = await client.PostAsJsonAsync("/auth/sign-up", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private async Task<(HttpClient Client, Guid AccountId)> SignedInCookieClientAsync()
    {
        var client = CookieClient();
        using var response = await client.PostAsJsonAsync("/auth/sign-up", new { email = NewEmail(), password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await JsonAsync(response)).GetProperty("account").GetProperty("id").GetGuid());
    }

    private async Task<long> CountAccountsAsync(string email)
    {
        await using var command = factory.Database.DataSource.CreateCommand("SELECT count(*) FROM accounts WHERE lower(email) = lower(@email)");
        command.Parameters.AddWithValue("email", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string? FirstErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString();
}
