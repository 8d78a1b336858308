using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Accounts;

/// <summary>
/// Bearer tokens: stores the SHA-256 digest of each token with its expiry, finds the account of a
/// presented token and revokes tokens. The token itself is never stored.
/// </summary>
public sealed class AccessTokenStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores a new token's digest; returns the token row's id.</summary>
    public async Task<Guid> AddAsync(Guid accountId, ReadOnlyMemory<byte> tokenSha256, DateTimeOffset now, DateTimeOffset expiresAt,
        string? description, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.InsertAccessToken);
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        command.Parameters.Add(Digest(tokenSha256));
        command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)description ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires_at", NpgsqlDbType.TimestampTz) { TypedValue = expiresAt.ToUniversalTime() });
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The account of a token that is neither expired at <paramref name="now"/> nor revoked, or null.</summary>
    public async Task<Guid?> FindAccountAsync(ReadOnlyMemory<byte> tokenSha256, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.FindAccessToken);
        command.Parameters.Add(Digest(tokenSha256));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.ToUniversalTime() });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid id ? id : null;
    }

    /// <summary>Revokes the token; returns whether a live token was revoked.</summary>
    public async Task<bool> RevokeAsync(ReadOnlyMemory<byte> tokenSha256, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.RevokeAccessToken);
        command.Parameters.Add(Digest(tokenSha256));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static NpgsqlParameter<byte[]> Digest(ReadOnlyMemory<byte> tokenSha256)
    {
        if (tokenSha256.Length != 32)
        {
            throw new ArgumentException("A token digest is 32 bytes (SHA-256).", nameof(tokenSha256));
        }
        return new NpgsqlParameter<byte[]>("token_sha256", NpgsqlDbType.Bytea) { TypedValue = tokenSha256.ToArray() };
    }
}
