using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Loads the ~30,000 street edges with one binary COPY into a temporary table and one upsert statement,
/// as <see cref="AreaWriter"/> does for the areas.
/// </summary>
internal static class StreetWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<StreetRow> streets, SeedReport report,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(SeedSql.CreateStreetStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(SeedSql.CopyStreets, cancellationToken).ConfigureAwait(false))
        {
            foreach (var s in streets)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.EdgeIndex, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.Highway, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (s.Name is null)
                {
                    await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteAsync(s.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
                await copy.WriteAsync(s.LengthMeters, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.Vertex1, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.Vertex2, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.Oneway, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.FootAllowed, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(s.GeometryJson, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var upsert = new NpgsqlCommand(SeedSql.UpsertStreets, connection) { CommandTimeout = 0 };
        upsert.Parameters.AddNullableText("source_code", StreetReader.Source);
        try
        {
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (inserted, updated, deleted) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            report.Add("street_segments", new TableCounts(inserted, updated, streets.Count - inserted - updated, deleted));
        }
        catch (PostgresException e)
        {
            throw new SeedFileException(SeedFiles.Streets, null, $"rejected by the database while upserting street edges: {e.MessageText}"
                + (e.ConstraintName is { } constraint ? $" (constraint {constraint})" : ""), e);
        }
    }
}
