using System.Security.Cryptography;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Accounts;

[Trait("Category", "Db")]
public sealed class AccountCommandsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string Hash = "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly AccountCommands _accounts = new(db.DataSource);
    private readonly AccessTokenStore _tokens = new(db.DataSource);

    private static string NewEmail() => "Someone." + Guid.NewGuid().ToString("N")[..12] + "@Example.org";

    [Fact]
    public async Task CreateAsync_returns_the_account_with_no_site_roles()
    {
        var email = NewEmail();

        var result = await _accounts.CreateAsync(email, "Someone", Hash, CancellationToken.None);

        Assert.False(result.EmailTaken);
        Assert.Equal(email, result.Account!.Email);
        Assert.False(result.Account.IsPlanner);
        Assert.False(result.Account.IsAdmin);
    }

    [Fact]
    public async Task CreateAsync_with_the_same_email_in_another_case_reports_EmailTaken()
    {
        var email = NewEmail();
        await _accounts.CreateAsync(email, "First", Hash, CancellationToken.None);

        var second = await _accounts.CreateAsync(email.ToLowerInvariant(), "Second", Hash, CancellationToken.None);

        Assert.True(second.EmailTaken);
        Assert.Null(second.Account);
    }

    [Fact]
    public async Task FindCredentialsAsync_ignores_case_and_returns_null_for_unknown_addresses()
    {
        var email = NewEmail();
        var created = await _accounts.CreateAsync(email, "Someone", Hash, CancellationToken.None);

        var found = await _accounts.FindCredentialsAsync(email.ToUpperInvariant(), CancellationToken.None);
        var unknown = await _accounts.FindCredentialsAsync(NewEmail(), CancellationToken.None);

        Assert.Equal(new AccountCredentials(created.Account!.Id, Hash), found);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task GetAccessAsync_lists_memberships_and_SetMembershipAsync_changes_a_role()
    {
        var account = (await _accounts.CreateAsync(NewEmail(), "Someone", Hash, CancellationToken.None)).Account!;
        var first = await db.Data.OrganisationAsync();
        var second = await db.Data.OrganisationAsync();
        await _accounts.SetMembershipAsync(account.Id, first, MembershipRole.Member, CancellationToken.None);
        await _accounts.SetMembershipAsync(account.Id, second, MembershipRole.Member, CancellationToken.None);

        await _accounts.SetMembershipAsync(account.Id, second, MembershipRole.ResourceManager, CancellationToken.None);
        var access = await _accounts.GetAccessAsync(account.Id, CancellationToken.None);

        Assert.Equal(account, access!.Account);
        Assert.Equal(
            new[] { new Membership(first, MembershipRole.Member), new Membership(second, MembershipRole.ResourceManager) }.OrderBy(m => m.OrganisationId),
            access.Memberships);
    }

    [Fact]
    public async Task GetAccessAsync_of_an_unknown_account_is_null()
    {
        Assert.Null(await _accounts.GetAccessAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Token_is_found_until_it_expires()
    {
        var account = (await _accounts.CreateAsync(NewEmail(), "Someone", Hash, CancellationToken.None)).Account!;
        var digest = RandomNumberGenerator.GetBytes(32);
        await _tokens.AddAsync(account.Id, digest, Now, Now.AddHours(1), "test", CancellationToken.None);

        Assert.Equal(account.Id, await _tokens.FindAccountAsync(digest, Now.AddMinutes(59), CancellationToken.None));
        Assert.Null(await _tokens.FindAccountAsync(digest, Now.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task Revoked_token_is_not_found_and_revoking_twice_reports_false()
    {
        var account = (await _accounts.CreateAsync(NewEmail(), "Someone", Hash, CancellationToken.None)).Account!;
        var digest = RandomNumberGenerator.GetBytes(32);
        await _tokens.AddAsync(account.Id, digest, Now, Now.AddDays(30), null, CancellationToken.None);

        Assert.True(await _tokens.RevokeAsync(digest, Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await _tokens.RevokeAsync(digest, Now.AddMinutes(2), CancellationToken.None));
        Assert.Null(await _tokens.FindAccountAsync(digest, Now.AddMinutes(3), CancellationToken.None));
    }

    [Fact]
    public async Task Token_digest_must_be_32_bytes()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _tokens.FindAccountAsync(new byte[16], Now, CancellationToken.None));
    }
}
