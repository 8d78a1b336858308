using MakerMap.Data.Internal;

namespace MakerMap.Data.Accounts;

/// <summary>The Accounts area's SQL, loaded once.</summary>
internal static class AccountSql
{
    public static readonly string InsertAccount = EmbeddedSql.Load("Accounts/insert_account.sql");
    public static readonly string FindCredentialsByEmail = EmbeddedSql.Load("Accounts/find_credentials_by_email.sql");
    public static readonly string GetAccountAccess = EmbeddedSql.Load("Accounts/get_account_access.sql");
    public static readonly string UpsertMembership = EmbeddedSql.Load("Accounts/upsert_membership.sql");
    public static readonly string InsertAccessToken = EmbeddedSql.Load("Accounts/insert_access_token.sql");
    public static readonly string FindAccessToken = EmbeddedSql.Load("Accounts/find_access_token.sql");
    public static readonly string RevokeAccessToken = EmbeddedSql.Load("Accounts/revoke_access_token.sql");
    public static readonly string InsertCookieSession = EmbeddedSql.Load("Accounts/insert_cookie_session.sql");
    public static readonly string FindCookieSession = EmbeddedSql.Load("Accounts/find_cookie_session.sql");
    public static readonly string RenewCookieSession = EmbeddedSql.Load("Accounts/renew_cookie_session.sql");
    public static readonly string DeleteCookieSession = EmbeddedSql.Load("Accounts/delete_cookie_session.sql");

    public const string UpdatePasswordHash = "UPDATE accounts SET password_hash = @password_hash WHERE id = @account_id";
}
