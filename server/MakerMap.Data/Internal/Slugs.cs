using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Internal;

/// <summary>Picks a free slug for a new row when the caller gave none.</summary>
internal static class Slugs
{
    // Transaction-scoped, so it is released at commit or rollback whatever happens to the caller; the
    // two-key form keeps MakerMap's locks apart from other advisory locks (class 0x6D6D = "mm").
    private const string DeriveLock = "SELECT pg_advisory_xact_lock(28013, hashtext(@key))";

    /// <summary>
    /// <paramref name="baseSlug"/> when it is free in <paramref name="table"/>, else the first free
    /// <c>base-2</c>, <c>base-3</c> … Callers deriving a slug from the same base in the same table
    /// wait for each other (a transaction-scoped advisory lock, released at commit), so each sees the
    /// slugs the ones before it inserted and ten organisations named alike get ten slugs. A slug
    /// chosen by the client is not derived and still fails on the unique index (<c>SLUG_TAKEN</c>).
    /// </summary>
    public static async Task<string> FreeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string baseSlug,
        CancellationToken cancellationToken)
    {
        // the table comes from this allow-list, never from input
        var sql = table switch
        {
            "organisations" => "SELECT slug FROM organisations WHERE slug = @base OR slug LIKE @prefix",
            "places" => "SELECT slug FROM places WHERE slug = @base OR slug LIKE @prefix",
            "resources" => "SELECT slug FROM resources WHERE slug = @base OR slug LIKE @prefix",
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "No slug column."),
        };
        await using (var serialise = new NpgsqlCommand(DeriveLock, connection, transaction))
        {
            serialise.Parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = table + "/" + baseSlug });
            await serialise.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        // a statement of its own after the lock: it sees the slugs committed while the lock was awaited
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("base", NpgsqlDbType.Text) { TypedValue = baseSlug });
        command.Parameters.Add(new NpgsqlParameter<string>("prefix", NpgsqlDbType.Text) { TypedValue = baseSlug + "-%" });
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(reader.GetString(0));
            }
        }
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = baseSlug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
