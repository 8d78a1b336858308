using MakerMap.Data.Internal;

namespace MakerMap.Data.Organisations;

/// <summary>The Organisations area's SQL, loaded once.</summary>
internal static class OrganisationSql
{
    public static readonly string InsertOrganisation = EmbeddedSql.Load("Organisations/insert_organisation.sql");
    public static readonly string LockMemberships = EmbeddedSql.Load("Organisations/lock_memberships.sql");
    public static readonly string GetMembershipState = EmbeddedSql.Load("Organisations/get_membership_state.sql");

    public const string InsertMembership = "INSERT INTO memberships (account_id, organisation_id, role) VALUES (@account_id, @organisation_id, @role)";
    public const string UpsertMembership = """
        INSERT INTO memberships (account_id, organisation_id, role) VALUES (@account_id, @organisation_id, @role)
        ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = EXCLUDED.role
        """;
    public const string DeleteMembership = "DELETE FROM memberships WHERE account_id = @account_id AND organisation_id = @organisation_id";
    public const string FindAccountByEmail = "SELECT id FROM accounts WHERE lower(email) = lower(@email)";
}
