using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Accounts;

/// <summary>An account the seed command creates (development demo accounts).</summary>
/// <param name="Email">Sign-in address.</param>
/// <param name="DisplayName">Shown name.</param>
/// <param name="IsPlanner">Site role planner.</param>
/// <param name="IsAdmin">Site role admin.</param>
/// <param name="OrganisationSlug">The organisation it belongs to, or null.</param>
/// <param name="Role">Its role there.</param>
public sealed record SeededAccount(string Email, string DisplayName, bool IsPlanner = false, bool IsAdmin = false,
    string? OrganisationSlug = null, MembershipRole Role = MembershipRole.Member);

/// <summary>
/// Creates seeded accounts idempotently: a second run with the same specification writes nothing
/// (the password hash is kept while it still verifies, since hashing again would change the salt).
/// </summary>
public sealed class SeededAccounts(NpgsqlDataSource dataSource)
{
    private static readonly string Find = EmbeddedSql.Load("Accounts/find_account_for_seeding.sql");
    private static readonly string Insert = EmbeddedSql.Load("Accounts/insert_seeded_account.sql");
    private static readonly string Update = EmbeddedSql.Load("Accounts/update_seeded_account.sql");
    private static readonly string EnsureMembership = EmbeddedSql.Load("Accounts/ensure_seeded_membership.sql");

    /// <summary>
    /// Makes the account match <paramref name="account"/>; returns how many rows were written (0 when
    /// it already did).
    /// </summary>
    /// <param name="account">The specification.</param>
    /// <param name="passwordMatches">Whether a stored hash verifies against the intended password.</param>
    /// <param name="hashPassword">Hashes the intended password.</param>
    /// <param name="cancellationToken">Cancels the database calls.</param>
    /// <exception cref="DataValidationException">The organisation slug names no organisation.</exception>
    public async Task<int> EnsureAsync(SeededAccount account, Func<string?, bool> passwordMatches, Func<string> hashPassword,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(passwordMatches);
        ArgumentNullException.ThrowIfNull(hashPassword);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        Guid id;
        await using (var find = new NpgsqlCommand(Find, connection, transaction))
        {
            find.Parameters.Add(new NpgsqlParameter<string>("email", NpgsqlDbType.Text) { TypedValue = account.Email });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            (Guid Id, string Name, string? Hash, bool Planner, bool Admin)? found = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? (reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4))
                : null;
            await reader.CloseAsync().ConfigureAwait(false);
            if (found is not { } existing)
            {
                await using var insert = new NpgsqlCommand(Insert, connection, transaction);
                AddAccount(insert, account, hashPassword());
                id = (Guid)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                written++;
            }
            else
            {
                id = existing.Id;
                var hashOk = passwordMatches(existing.Hash);
                if (!hashOk || existing.Name != account.DisplayName || existing.Planner != account.IsPlanner || existing.Admin != account.IsAdmin)
                {
                    await using var update = new NpgsqlCommand(Update, connection, transaction);
                    AddAccount(update, account, hashOk ? existing.Hash! : hashPassword());
                    update.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = id });
                    written += await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        if (account.OrganisationSlug is { } slug)
        {
            await using var member = new NpgsqlCommand(EnsureMembership, connection, transaction);
            member.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = id });
            member.Parameters.Add(new NpgsqlParameter<string>("organisation_slug", NpgsqlDbType.Text) { TypedValue = slug });
            member.Parameters.Add(new NpgsqlParameter<string>("role", NpgsqlDbType.Text) { TypedValue = MembershipRoles.ToDatabase(account.Role) });
            written += await member.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM organisations WHERE slug = @slug", connection, transaction);
            exists.Parameters.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                throw new DataValidationException("organisation", $"There is no organisation '{slug}' for {account.Email}; load the seed data first.");
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static void AddAccount(NpgsqlCommand command, SeededAccount account, string passwordHash)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("email", NpgsqlDbType.Text) { TypedValue = account.Email });
        command.Parameters.Add(new NpgsqlParameter<string>("display_name", NpgsqlDbType.Text) { TypedValue = account.DisplayName });
        command.Parameters.Add(new NpgsqlParameter<string>("password_hash", NpgsqlDbType.Text) { TypedValue = passwordHash });
        command.Parameters.Add(new NpgsqlParameter<bool>("is_planner", NpgsqlDbType.Boolean) { TypedValue = account.IsPlanner });
        command.Parameters.Add(new NpgsqlParameter<bool>("is_admin", NpgsqlDbType.Boolean) { TypedValue = account.IsAdmin });
    }
}
