using MakerMap.Api.Auth;
using MakerMap.Data.Accounts;

namespace MakerMap.Api.Hosting;

/// <summary>
/// The development demo accounts that <c>seed --demo-accounts</c> creates, one per kind of user, so the
/// map client team and newcomers can try every role. Their password is published (README), so they
/// must never exist on a public server; without the flag nothing is created.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The shared password of every demo account.</summary>
    public const string Password = "makermap-demo";

    /// <summary>The accounts (a fixed contract with the map client team).</summary>
    public static IReadOnlyList<SeededAccount> All { get; } =
    [
        new("admin@makermap.test", "Demo admin", IsAdmin: true),
        new("planner@makermap.test", "Demo planner", IsPlanner: true),
        new("manager@makermap.test", "Demo resource manager", OrganisationSlug: "stad-gent", Role: MembershipRole.ResourceManager),
        new("member@makermap.test", "Demo member", OrganisationSlug: "broei", Role: MembershipRole.Member),
    ];

    /// <summary>Creates or repairs the accounts; returns the rows written (0 when all were in place).</summary>
    public static async Task<int> EnsureAsync(SeededAccounts store, PasswordHasher hasher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(hasher);
        var written = 0;
        foreach (var account in All)
        {
            written += await store.EnsureAsync(account,
                hash => hasher.Verify(Password, hash) != PasswordVerification.Failed,
                () => hasher.Hash(Password),
                cancellationToken).ConfigureAwait(false);
        }
        return written;
    }
}
