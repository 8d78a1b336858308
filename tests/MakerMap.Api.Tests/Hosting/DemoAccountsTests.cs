using System.Text.Json;
using MakerMap.Api.Auth;
using MakerMap.Api.Hosting;
using MakerMap.Api.Schema;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Seeding;
using Microsoft.AspNetCore.Builder;

namespace MakerMap.Api.Tests.Hosting;

/// <summary><c>seed --demo-accounts</c>: the four development accounts, run through the real admin command.</summary>
[Trait("Category", "Db")]
public sealed class DemoAccountsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string AccountsFingerprint =
        "SELECT md5(string_agg(a::text || coalesce(m::text, ''), '|' ORDER BY a.email)) FROM accounts AS a LEFT JOIN memberships AS m ON m.account_id = a.id";

    private async Task<int> SeedAsync(params string[] extra)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:MakerMap"] = factory.Database.ConnectionString;
        builder.Configuration["MakerMap:Auth:PasswordIterations"] = PasswordHasher.MinimumIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.AddMakerMapDatabase();
        builder.AddMakerMapAuth();
        builder.AddMakerMapGraphQL();
        await using var app = builder.Build();
        var seedDirectory = SeedLoader.FindSeedDirectory(AppContext.BaseDirectory)!;
        Assert.True(AdminCommands.TryParse(["seed", "--seed-dir", seedDirectory, "--skip-areas", .. extra], out var command, out var error), error);
        Assert.NotNull(command);
        return await AdminCommands.RunAsync(app, command, CancellationToken.None);
    }

    private async Task<string?> FingerprintAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand(AccountsFingerprint);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<JsonElement> ViewerAsync(string email)
    {
        var client = new GraphQLTestClient(factory);
        var signIn = await client.PostAsync("mutation($i: SignInInput!) { signIn(input: $i) { token errors { code } } }",
            new { i = new { email, password = DemoAccounts.Password, issueToken = true } });
        var token = signIn.Data.GetProperty("signIn").GetProperty("token").GetString();
        Assert.NotNull(token);
        var viewer = await client.PostAsync("{ viewer { displayName isAdmin isPlanner memberships { role organisation { slug } } } }", token: token);
        return viewer.Data.GetProperty("viewer");
    }

    [Fact]
    public async Task Seed_creates_the_demo_accounts_only_with_the_flag_and_a_second_run_changes_nothing()
    {
        Assert.Equal(0, await SeedAsync());
        var withoutFlag = await factory.Database.Data.CountAsync("SELECT count(*) FROM accounts WHERE email LIKE '%@makermap.test'");

        Assert.Equal(0, await SeedAsync("--demo-accounts"));
        var first = await FingerprintAsync();
        Assert.Equal(0, await SeedAsync("--demo-accounts"));
        var second = await FingerprintAsync();

        Assert.Equal(0, withoutFlag);
        Assert.Equal(4, await factory.Database.Data.CountAsync("SELECT count(*) FROM accounts WHERE email LIKE '%@makermap.test'"));
        Assert.Equal(first, second);

        var admin = await ViewerAsync("admin@makermap.test");
        Assert.Equal("Demo admin", admin.GetProperty("displayName").GetString());
        Assert.True(admin.GetProperty("isAdmin").GetBoolean());
        Assert.True((await ViewerAsync("planner@makermap.test")).GetProperty("isPlanner").GetBoolean());
        var manager = Assert.Single((await ViewerAsync("manager@makermap.test")).GetProperty("memberships").EnumerateArray());
        Assert.Equal("RESOURCE_MANAGER", manager.GetProperty("role").GetString());
        Assert.Equal("stad-gent", manager.GetProperty("organisation").GetProperty("slug").GetString());
        var member = Assert.Single((await ViewerAsync("member@makermap.test")).GetProperty("memberships").EnumerateArray());
        Assert.Equal("MEMBER", member.GetProperty("role").GetString());
        Assert.Equal("broei", member.GetProperty("organisation").GetProperty("slug").GetString());
    }

    [Fact]
    public void Seed_command_line_takes_the_demo_accounts_flag()
    {
        Assert.True(SeedCommandLine.Parse(["--seed-dir", "seed-data", "--demo-accounts"]).DemoAccounts);
        Assert.False(SeedCommandLine.Parse(["--seed-dir", "seed-data"]).DemoAccounts);
    }
}
