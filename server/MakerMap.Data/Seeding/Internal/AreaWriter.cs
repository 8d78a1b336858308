using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Loads the ~13,000 areas with one binary COPY into a temporary table and one upsert statement, so a
/// full load takes seconds and a repeated one compares instead of rewriting.
/// </summary>
internal static class AreaWriter
{
    private static readonly string[] Levels = ["municipality", "neighbourhood", "sector"];

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<AreaRow> areas, SeedReport report, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, SeedSql.CreateAreaStaging, cancellationToken).ConfigureAwait(false);
        await using (var copy = await connection.BeginBinaryImportAsync(SeedSql.CopyAreas, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < areas.Count; i++)
            {
                var a = areas[i];
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.Level, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.Code, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.Name, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.MunicipalityNis, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.ParentCode, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.Region, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, a.GeometryJson, cancellationToken).ConfigureAwait(false);
                if (a.Population is { } population)
                {
                    await copy.WriteAsync(population, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                if (a.PopulationReferenceDate is { } date)
                {
                    await copy.WriteAsync(date, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                await WriteTextAsync(copy, a.SourceCode, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var changed = new Dictionary<string, (long Inserted, long Updated)>(StringComparer.Ordinal);
        await using (var upsert = new NpgsqlCommand(SeedSql.UpsertAreas, connection) { CommandTimeout = 0 })
        {
            try
            {
                await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    changed[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
                }
            }
            catch (PostgresException e)
            {
                throw new SeedFileException("boundary files", null,
                    $"rejected by the database while upserting areas: {e.MessageText}"
                    + (e.ConstraintName is { } constraint ? $" (constraint {constraint})" : ""), e);
            }
        }
        foreach (var level in Levels)
        {
            var total = areas.LongCount(a => a.Level == level);
            var (inserted, updated) = changed.GetValueOrDefault(level);
            report.Add("areas:" + level, new TableCounts(inserted, updated, total - inserted - updated));
        }
    }

    /// <summary>
    /// Provinces and regions from the stored municipalities (<see cref="AdministrativeDivisions"/>), after
    /// a load or a population refresh changed them; reported as <c>areas:province</c> and <c>areas:region</c>.
    /// </summary>
    public static async Task WriteDivisionsAsync(NpgsqlConnection connection, SeedReport report, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<string, (long Inserted, long Updated)>(StringComparer.Ordinal);
        await using (var upsert = new NpgsqlCommand(SeedSql.UpsertDivisions, connection) { CommandTimeout = 0 })
        {
            var divisions = AdministrativeDivisions.All;
            upsert.Parameters.AddTextArray("levels", [.. divisions.Select(d => d.Level)]);
            upsert.Parameters.AddTextArray("codes", [.. divisions.Select(d => d.Code)]);
            upsert.Parameters.AddTextArray("names", [.. divisions.Select(d => d.Name)]);
            upsert.Parameters.AddTextArray("parent_codes", [.. divisions.Select(d => d.ParentCode)]);
            upsert.Parameters.AddNullableText("source_code", AreaReader.BoundarySource);
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                changed[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var count = new NpgsqlCommand(SeedSql.CountDivisions, connection))
        {
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                totals[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        foreach (var level in (string[])["province", "region"])
        {
            var (inserted, updated) = changed.GetValueOrDefault(level);
            report.Add("areas:" + level, new TableCounts(inserted, updated, totals.GetValueOrDefault(level) - inserted - updated));
        }
    }

    public static async Task<PopulationRefreshReport> RefreshPopulationAsync(NpgsqlConnection connection, SectorPopulationFile file,
        bool recomputeTotals, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, SeedSql.CreatePopulationStaging, cancellationToken).ConfigureAwait(false);
        await using (var copy = await connection.BeginBinaryImportAsync(SeedSql.CopyPopulation, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (code, population) in file.Rows)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, code, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(population, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        long updated, withoutSector, withoutRow;
        await using (var command = new NpgsqlCommand(SeedSql.UpdateSectorPopulation, connection))
        {
            command.Parameters.AddNullable<DateOnly>("reference_date", file.ReferenceDate, NpgsqlDbType.Date);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (updated, withoutSector, withoutRow) = (reader.GetInt64(0), reader.GetInt64(2), reader.GetInt64(3));
        }

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        if (recomputeTotals)
        {
            await using var command = new NpgsqlCommand(SeedSql.RecomputePopulationTotals, connection);
            command.Parameters.AddNullable<DateOnly>("reference_date", file.ReferenceDate, NpgsqlDbType.Date);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                totals[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return new PopulationRefreshReport(file.FileName, file.ReferenceDate, file.Rows.Count, updated, withoutSector, withoutRow,
            totals.GetValueOrDefault("neighbourhood"), totals.GetValueOrDefault("municipality"));
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
