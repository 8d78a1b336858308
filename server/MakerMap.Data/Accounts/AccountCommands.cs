using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Accounts;

/// <summary>
/// Creates accounts, reads what sign-in and access checks need, and manages memberships. Password
/// hashing happens in the API; this class only stores and returns the encoded hash.
/// </summary>
public sealed class AccountCommands(NpgsqlDataSource dataSource)
{
    private const string EmailConstraint = "accounts_email_key";

    /// <summary>
    /// Inserts an account. An address already used by another account (in any case) gives
    /// <see cref="CreateAccountResult.EmailTaken"/> and writes nothing.
    /// </summary>
    public async Task<CreateAccountResult> CreateAsync(string email, string displayName, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);

        await using var command = dataSource.CreateCommand(AccountSql.InsertAccount);
        command.Parameters.Add(new NpgsqlParameter<string>("email", NpgsqlDbType.Text) { TypedValue = email });
        command.Parameters.Add(new NpgsqlParameter<string>("display_name", NpgsqlDbType.Text) { TypedValue = displayName });
        command.Parameters.Add(new NpgsqlParameter<string>("password_hash", NpgsqlDbType.Text) { TypedValue = passwordHash });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new CreateAccountResult(ReadAccount(reader), EmailTaken: false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == EmailConstraint)
        {
            return new CreateAccountResult(null, EmailTaken: true);
        }
    }

    /// <summary>The id and encoded password hash of the account with this address (any case), or null.</summary>
    public async Task<AccountCredentials?> FindCredentialsAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var command = dataSource.CreateCommand(AccountSql.FindCredentialsByEmail);
        command.Parameters.Add(new NpgsqlParameter<string>("email", NpgsqlDbType.Text) { TypedValue = email });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new AccountCredentials(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Replaces the stored hash, e.g. after verifying a password hashed with fewer iterations.</summary>
    public async Task UpdatePasswordHashAsync(Guid accountId, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        await using var command = dataSource.CreateCommand(AccountSql.UpdatePasswordHash);
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string>("password_hash", NpgsqlDbType.Text) { TypedValue = passwordHash });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account with its site roles and memberships, or null when it does not exist (any more).</summary>
    public async Task<AccountAccess?> GetAccessAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.GetAccountAccess);
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        Account? account = null;
        var memberships = new List<Membership>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            account ??= ReadAccount(reader);
            if (!reader.IsDBNull(6) && MembershipRoles.TryParse(reader.GetString(7), out var role))
            {
                memberships.Add(new Membership(reader.GetGuid(6), role));
            }
        }
        return account is null ? null : new AccountAccess(account, memberships);
    }

    /// <summary>Adds the account to the organisation with <paramref name="role"/>, or changes its role there.</summary>
    public async Task SetMembershipAsync(Guid accountId, Guid organisationId, MembershipRole role, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.UpsertMembership);
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<Guid>("organisation_id", NpgsqlDbType.Uuid) { TypedValue = organisationId });
        command.Parameters.Add(new NpgsqlParameter<string>("role", NpgsqlDbType.Text) { TypedValue = MembershipRoles.ToDatabase(role) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Account ReadAccount(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetBoolean(3),
        reader.GetBoolean(4),
        reader.GetFieldValue<DateTimeOffset>(5));
}

/// <summary>The outcome of <see cref="AccountCommands.CreateAsync"/>.</summary>
/// <param name="Account">The new account; null when <paramref name="EmailTaken"/>.</param>
/// <param name="EmailTaken">Another account uses the address already (compared case-insensitively).</param>
public sealed record CreateAccountResult(Account? Account, bool EmailTaken);

/// <summary>What sign-in checks a password against.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PasswordHash">The encoded hash; null for accounts that cannot sign in with a password.</param>
public sealed record AccountCredentials(Guid AccountId, string? PasswordHash);
