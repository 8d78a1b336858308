namespace MakerMap.Data.Accounts;

/// <summary>A person who can sign in, with the site-wide roles an administrator granted.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Email">The sign-in address as the person typed it (compared case-insensitively).</param>
/// <param name="DisplayName">The name shown to others.</param>
/// <param name="IsPlanner">May run coverage reports.</param>
/// <param name="IsAdmin">May do everything.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record Account(Guid Id, string Email, string DisplayName, bool IsPlanner, bool IsAdmin, DateTimeOffset CreatedAt);

/// <summary>An account's role in an organisation, in increasing order of power.</summary>
public enum MembershipRole
{
    /// <summary>Books on behalf of the organisation (<c>member</c>).</summary>
    Member = 1,

    /// <summary>Also decides bookings and manages the organisation's places and resources (<c>resource_manager</c>).</summary>
    ResourceManager = 2,

    /// <summary>Also manages the organisation's members (<c>admin</c>).</summary>
    Admin = 3,
}

/// <summary>One organisation an account belongs to.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Role">The account's role in it.</param>
public sealed record Membership(Guid OrganisationId, MembershipRole Role);

/// <summary>Everything access decisions need to know about an account.</summary>
/// <param name="Account">The account.</param>
/// <param name="Memberships">Its memberships, ordered by organisation id.</param>
public sealed record AccountAccess(Account Account, IReadOnlyList<Membership> Memberships);

/// <summary>Converts <see cref="MembershipRole"/> to and from the words stored in <c>memberships.role</c>.</summary>
public static class MembershipRoles
{
    /// <summary>The stored word: <c>member</c>, <c>resource_manager</c> or <c>admin</c>.</summary>
    public static string ToDatabase(MembershipRole role) => role switch
    {
        MembershipRole.Member => "member",
        MembershipRole.ResourceManager => "resource_manager",
        MembershipRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown membership role."),
    };

    /// <summary>Parses a stored word; false for anything else.</summary>
    public static bool TryParse(string? value, out MembershipRole role)
    {
        role = value switch
        {
            "member" => MembershipRole.Member,
            "resource_manager" => MembershipRole.ResourceManager,
            "admin" => MembershipRole.Admin,
            _ => 0,
        };
        return role != 0;
    }
}
