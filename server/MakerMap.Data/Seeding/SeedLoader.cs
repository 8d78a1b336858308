using MakerMap.Data.Internal;
using MakerMap.Data.Seeding.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Seeding;

/// <summary>
/// Loads <c>seed-data/</c> into a migrated database: data sources, organisations, places, resources with
/// their requirements, schedules, the boundary files (municipalities, neighbourhoods, statistical
/// sectors, and the provinces and regions built from the municipalities) and the street network when
/// the directory has one, and optionally refreshes sector population from a newer Statbel file.
/// </summary>
/// <remarks>
/// Idempotent: every row is upserted on its natural key (<c>data_sources.code</c>, the slugs,
/// <c>areas (level, code)</c>) and only written when it differs, so a second run reports zero changes
/// and leaves every row as it was. Rows the files no longer list are not deleted (bookings may point to
/// them), except resource requirements, which follow their resource's entry. A population already newer
/// than the one in the files (from an earlier refresh) is kept. The whole run is one transaction: a
/// malformed file or a rejected row leaves the database untouched, and a transaction-level advisory
/// lock makes concurrent runs take turns.
/// </remarks>
public static class SeedLoader
{
    /// <summary>Reads and validates every file in <paramref name="seedDirectory"/>, then writes them in one transaction.</summary>
    /// <param name="dataSource">The (migrated) database.</param>
    /// <param name="seedDirectory">The directory holding <c>places.geojson</c> and the other seed files.</param>
    /// <param name="options">What else to do; <see cref="SeedOptions.Default"/> for a plain load.</param>
    /// <param name="cancellationToken">Cancels the load; the transaction is rolled back.</param>
    /// <returns>Counts per table.</returns>
    /// <exception cref="SeedFileException">A file is missing or malformed, or the database rejected one of its rows.</exception>
    public static async Task<SeedReport> LoadAsync(NpgsqlDataSource dataSource, string seedDirectory, SeedOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(seedDirectory);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(seedDirectory))
        {
            throw new DirectoryNotFoundException($"Seed directory '{seedDirectory}' does not exist.");
        }

        // Read everything first: a malformed file fails before the database is touched.
        var (sources, organisations, places, resources, schedules) = CuratedReader.Read(seedDirectory);
        var areas = options.LoadAreas ? AreaReader.Read(seedDirectory) : [];
        var streets = options.LoadAreas ? StreetReader.Read(seedDirectory) : [];
        var seed = new SeedSet(sources, organisations, places, resources, schedules, areas);
        var population = options.SectorPopulationCsv is { } csv
            ? SectorPopulationFile.Read(csv, options.PopulationReferenceDate)
            : null;

        var report = new SeedReport();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand(SeedSql.Lock, connection))
        {
            lockCommand.Parameters.AddNullable<long>("key", SeedSql.AdvisoryLockKey, NpgsqlDbType.Bigint);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await CuratedWriter.WriteAsync(connection, seed, report, cancellationToken).ConfigureAwait(false);
        if (areas.Count > 0)
        {
            await AreaWriter.WriteAsync(connection, areas, report, cancellationToken).ConfigureAwait(false);
        }
        if (streets.Count > 0)
        {
            await StreetWriter.WriteAsync(connection, streets, report, cancellationToken).ConfigureAwait(false);
        }
        if (population is not null)
        {
            report.PopulationRefresh = await AreaWriter.RefreshPopulationAsync(connection, population, options.RecomputeTotals, cancellationToken)
                .ConfigureAwait(false);
        }
        if (areas.Count > 0 || population is not null)
        {
            await AreaWriter.WriteDivisionsAsync(connection, report, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// The <c>seed-data</c> directory of the checkout that contains <paramref name="startDirectory"/>
    /// (searched upwards), or null when there is none.
    /// </summary>
    public static string? FindSeedDirectory(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "seed-data");
            if (File.Exists(Path.Combine(candidate, SeedFiles.Places)))
            {
                return candidate;
            }
        }
        return null;
    }
}
