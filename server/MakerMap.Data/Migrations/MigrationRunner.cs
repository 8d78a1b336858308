using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Migrations;

/// <summary>
/// Applies the schema migrations in version order, each in its own transaction, and records them in
/// <c>schema_migrations</c> with a SHA-256 checksum. A session-level advisory lock makes instances
/// that start at the same time take turns: the second one finds everything applied.
/// </summary>
public sealed class MigrationRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly List<Migration> _migrations;
    private readonly ILogger _logger;

    /// <summary>Runs the migrations embedded in MakerMap.Data (<c>schema/migrations/*.sql</c>).</summary>
    public MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner>? logger = null)
        : this(dataSource, Migration.LoadEmbedded(), logger)
    {
    }

    /// <summary>Runs the given migrations (tests feed modified lists through this).</summary>
    /// <exception cref="ArgumentException">Two migrations share a version.</exception>
    public MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, ILogger<MigrationRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new ArgumentException(
                    $"Migrations {ordered[i - 1].FileName} and {ordered[i].FileName} share version {ordered[i].Version}.", nameof(migrations));
            }
        }
        _dataSource = dataSource;
        _migrations = ordered;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The migrations this runner applies, in order.</summary>
    public IReadOnlyList<Migration> Migrations => _migrations;

    /// <summary>
    /// Checks every applied migration against its file and applies the pending ones.
    /// </summary>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's file changed; nothing was applied.</exception>
    /// <exception cref="MigrationFailedException">A migration's SQL failed; it was rolled back, earlier ones stay applied.</exception>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, MigrationSql.Lock, cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, MigrationSql.CreateSchemaMigrations, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);

            // Verify everything before applying anything: a changed file is a start-up error.
            foreach (var migration in _migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
                {
                    throw new MigrationChecksumMismatchException(migration.FileName, checksum, migration.Checksum);
                }
            }

            var done = new List<AppliedMigration>();
            foreach (var migration in _migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                done.Add(await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false));
            }
            if (done.Count > 0)
            {
                // Extensions (postgis, btree_gist) create types this connection pool has not seen yet.
                await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
            }
            var alreadyApplied = _migrations.Count - done.Count;
            MigrationLog.Summary(_logger, done.Count, alreadyApplied);
            return new MigrationReport(done, alreadyApplied);
        }
        finally
        {
            // Unlock on the same session; if the connection broke, the server released the lock already.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await UnlockAsync(connection).ConfigureAwait(false);
            }
        }
    }

    private async Task UnlockAsync(NpgsqlConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, MigrationSql.Unlock, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            // A pool with No Reset On Close (the server's) hands sessions back as they are, so this one would
            // return still holding the lock and every later migration run would wait for it. Clearing the
            // pool closes it when it is returned, and closing the session releases the lock on the server.
            // Not rethrown: the migrations themselves are done (or their own error is on its way out).
            MigrationLog.UnlockFailed(_logger, e.Message);
            _dataSource.Clear();
        }
    }

    private async Task<AppliedMigration> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            stopwatch.Stop();
            await using (var record = new NpgsqlCommand(MigrationSql.InsertApplied, connection, transaction))
            {
                record.Parameters.AddNullableText("version", migration.Version);
                record.Parameters.AddNullableText("name", migration.FileName);
                record.Parameters.AddNullableText("checksum", migration.Checksum);
                record.Parameters.AddNullable<long>("ms", stopwatch.ElapsedMilliseconds, NpgsqlDbType.Bigint);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationFailedException(migration.FileName, e);
        }
        MigrationLog.Applied(_logger, migration.FileName, stopwatch.ElapsedMilliseconds);
        return new AppliedMigration(migration.FileName, stopwatch.Elapsed);
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(MigrationSql.SelectApplied, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetString(0)] = reader.GetString(2);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@key", StringComparison.Ordinal))
        {
            command.Parameters.AddNullable<long>("key", MigrationSql.AdvisoryLockKey, NpgsqlDbType.Bigint);
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
