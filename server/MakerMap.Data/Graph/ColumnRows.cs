using Npgsql;

namespace MakerMap.Data.Graph;

/// <summary>Reads result rows into dictionaries keyed by column alias (the GraphQL layer's row type).</summary>
internal static class ColumnRows
{
    public static async Task<List<TRow>> ReadAllAsync<TRow>(NpgsqlCommand command, Func<TRow> newRow, CancellationToken cancellationToken)
        where TRow : IDictionary<string, object?>
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TRow>();
        string[]? names = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names ??= ColumnNames(reader);
            var row = newRow();
            // Sized once for every column: a Place row has 27, and growing a dictionary from its default
            // size to that copies it four times, per row.
            (row as Dictionary<string, object?>)?.EnsureCapacity(row.Count + names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string[] ColumnNames(NpgsqlDataReader reader)
    {
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
        }
        return names;
    }
}
