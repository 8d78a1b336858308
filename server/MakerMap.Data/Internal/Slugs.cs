using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Internal;

/// <summary>Picks a free slug for a new row when the caller gave none.</summary>
internal static class Slugs
{
    /// <summary>
    /// <paramref name="baseSlug"/> when it is free in <paramref name="table"/>, else the first free
    /// <c>base-2</c>, <c>base-3</c> … A concurrent insert of the same slug still fails on the unique
    /// index, which the caller reports as <c>SLUG_TAKEN</c>.
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
