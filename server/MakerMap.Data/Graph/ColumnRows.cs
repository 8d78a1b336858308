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
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = newRow();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
