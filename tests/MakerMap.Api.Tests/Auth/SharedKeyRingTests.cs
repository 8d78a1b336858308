using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.Api.Tests.Live;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MakerMap.Api.Tests.Auth;

/// <summary>The data-protection key ring lives in PostgreSQL, so every instance accepts every other's cookies.</summary>
[Trait("Category", "Db")]
public sealed class SharedKeyRingTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private const string Password = "repair-cafe-2026";

    private static HttpClient WithoutCookieJar(SharedDatabaseFactory instance) =>
        instance.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task A_cookie_signed_in_on_instance_A_is_accepted_by_instance_B()
    {
        var email = "keys-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        using var onA = WithoutCookieJar(instances.A);
        using (var signUp = await onA.PostAsJsonAsync("/auth/sign-up", new { email, password = Password, displayName = "Ann" }))
        {
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }
        using var signIn = await onA.PostAsJsonAsync("/auth/sign-in", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("makermap.session=", StringComparison.Ordinal)).Split(';')[0];

        using var onB = WithoutCookieJar(instances.B);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        me.Headers.Add("Cookie", cookie);
        using var response = await onB.SendAsync(me);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(email, body.GetProperty("account").GetProperty("email").GetString());
        // Both instances read their key ring from the table, not from a folder they might happen to share.
        var stored = await StoredKeyNamesAsync();
        Assert.NotEmpty(stored);
        Assert.Equal(stored, KeyNames(instances.A));
        Assert.Equal(stored, KeyNames(instances.B));
    }

    private static List<string> KeyNames(SharedDatabaseFactory instance) =>
        [.. instance.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => "key-" + k.KeyId.ToString("D")).Order(StringComparer.Ordinal)];

    private async Task<List<string>> StoredKeyNamesAsync()
    {
        await using var command = instances.Database.DataSource.CreateCommand("SELECT friendly_name FROM data_protection_keys ORDER BY friendly_name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [Fact]
    public async Task A_cookie_that_was_tampered_with_is_refused_by_every_instance()
    {
        using var onB = WithoutCookieJar(instances.B);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        me.Headers.Add("Cookie", "makermap.session=CfDJ8" + new string('A', 200));

        using var response = await onB.SendAsync(me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
