using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Accounts;

/// <summary>
/// Browser sessions: the serialized sign-in ticket of each session under the SHA-256 digest of the
/// random key its cookie carries. The key itself is never stored; deleting the row ends the session
/// for every copy of the cookie.
/// </summary>
public sealed class CookieSessionStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores a new session.</summary>
    public async Task AddAsync(ReadOnlyMemory<byte> keySha256, Guid accountId, byte[] ticket, DateTimeOffset now, DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.InsertCookieSession);
        command.Parameters.Add(Digest(keySha256));
        command.Parameters.Add(new NpgsqlParameter<Guid>("account_id", NpgsqlDbType.Uuid) { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<byte[]>("ticket", NpgsqlDbType.Bytea) { TypedValue = ticket });
        command.Parameters.Add(Instant("now", now));
        command.Parameters.Add(Instant("expires_at", expiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ticket of a session that exists and has not expired at <paramref name="now"/>, or null.</summary>
    public async Task<byte[]?> FindAsync(ReadOnlyMemory<byte> keySha256, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.FindCookieSession);
        command.Parameters.Add(Digest(keySha256));
        command.Parameters.Add(Instant("now", now));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>Replaces a session's ticket and expiry (sliding expiration); a deleted session stays deleted.</summary>
    public async Task RenewAsync(ReadOnlyMemory<byte> keySha256, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.RenewCookieSession);
        command.Parameters.Add(Digest(keySha256));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("ticket", NpgsqlDbType.Bytea) { TypedValue = ticket });
        command.Parameters.Add(Instant("expires_at", expiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a session.</summary>
    public async Task RemoveAsync(ReadOnlyMemory<byte> keySha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AccountSql.DeleteCookieSession);
        command.Parameters.Add(Digest(keySha256));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter<DateTimeOffset> Instant(string name, DateTimeOffset value) =>
        new(name, NpgsqlDbType.TimestampTz) { TypedValue = value.ToUniversalTime() };

    private static NpgsqlParameter<byte[]> Digest(ReadOnlyMemory<byte> keySha256)
    {
        if (keySha256.Length != 32)
        {
            throw new ArgumentException("A session key digest is 32 bytes (SHA-256).", nameof(keySha256));
        }
        return new NpgsqlParameter<byte[]>("key_sha256", NpgsqlDbType.Bytea) { TypedValue = keySha256.ToArray() };
    }
}
