using MakerMap.Data.Migrations;
using MakerMap.TestSupport;
using Npgsql;

namespace MakerMap.Data.Tests.Migrations;

[Trait("Category", "Db")]
public sealed class MigrationRunnerTests
{
    private static readonly IReadOnlyList<Migration> Embedded = Migration.LoadEmbedded();

    [Fact]
    public async Task MigrateAsync_on_empty_database_applies_every_migration_then_nothing()
    {
        var db = new EmptyTestDatabase();
        await db.InitializeAsync();
        try
        {
            var first = await new MigrationRunner(db.DataSource).MigrateAsync(CancellationToken.None);
            var second = await new MigrationRunner(db.DataSource).MigrateAsync(CancellationToken.None);

            Assert.Equal(Embedded.Select(m => m.FileName), first.Applied.Select(a => a.FileName));
            Assert.Empty(second.Applied);
            Assert.Equal(Embedded.Count, second.AlreadyApplied);
            Assert.Equal(Embedded.Count, await db.Data.CountAsync("SELECT count(*) FROM schema_migrations"));
            Assert.Equal(Embedded.Count, await db.Data.CountAsync(
                "SELECT count(*) FROM schema_migrations WHERE checksum ~ '^[0-9a-f]{64}$' AND execution_ms >= 0"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_with_changed_applied_migration_throws_and_applies_nothing()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            var original = Embedded.Single(m => m.FileName == "0003_places_resources.sql");
            var changed = new Migration(original.FileName, original.Sql + "\n-- an innocent-looking edit\n");
            var migrations = Embedded.Select(m => m == original ? changed : m)
                .Append(new Migration("0999_never_applied.sql", "CREATE TABLE never_applied (id int);"))
                .ToList();

            var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
                () => new MigrationRunner(db.DataSource, migrations).MigrateAsync(CancellationToken.None));

            Assert.Equal(
                $"Migration 0003_places_resources.sql was changed after it was applied (checksum {original.Checksum} in schema_migrations, "
                + $"{changed.Checksum} now). Migrations are forward-only: add a new migration instead.",
                error.Message);
            Assert.Equal("0003_places_resources.sql", error.FileName);
            Assert.Equal(0, await db.Data.CountAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'never_applied'"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_with_crlf_line_endings_is_not_a_change()
    {
        var crlf = new Migration("0001_x.sql", "SELECT 1;\r\nSELECT 2;\r\n");
        var lf = new Migration("0001_x.sql", "SELECT 1;\nSELECT 2;\n");

        Assert.Equal(lf.Checksum, crlf.Checksum);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_from_two_runners_at_once_applies_each_migration_once()
    {
        var db = new EmptyTestDatabase();
        await db.InitializeAsync();
        try
        {
            await using var first = db.CreateDataSource(5);
            await using var second = db.CreateDataSource(5);

            var reports = await Task.WhenAll(
                new MigrationRunner(first).MigrateAsync(CancellationToken.None),
                new MigrationRunner(second).MigrateAsync(CancellationToken.None));

            Assert.Equal(Embedded.Count, reports.Sum(r => r.Applied.Count));
            Assert.Contains(reports, r => r.Applied.Count == 0 && r.AlreadyApplied == Embedded.Count);
            Assert.Equal(Embedded.Count, await db.Data.CountAsync("SELECT count(DISTINCT version) FROM schema_migrations"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_with_failing_migration_rolls_it_back_and_names_the_file()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        try
        {
            var migrations = Embedded
                .Append(new Migration("0900_half_done.sql", "CREATE TABLE half_done (id int);\nSELECT 1 / 0;"))
                .ToList();

            var error = await Assert.ThrowsAsync<MigrationFailedException>(
                () => new MigrationRunner(db.DataSource, migrations).MigrateAsync(CancellationToken.None));

            Assert.Equal("0900_half_done.sql", error.FileName);
            Assert.StartsWith("Migration 0900_half_done.sql failed and was rolled back: 22012:", error.Message, StringComparison.Ordinal);
            Assert.Equal(PostgresErrorCodes.DivisionByZero, Assert.IsType<PostgresException>(error.InnerException).SqlState);
            Assert.Equal(0, await db.Data.CountAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"));
            Assert.Equal(0, await db.Data.CountAsync("SELECT count(*) FROM schema_migrations WHERE version = '0900'"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_whose_unlock_fails_does_not_leave_the_lock_on_a_pooled_connection()
    {
        var db = new TestDatabase();
        await db.InitializeAsync();
        // the server's pool keeps sessions as they are when returned (DatabaseRegistration)
        var serverLike = new NpgsqlConnectionStringBuilder(db.ConnectionString) { NoResetOnClose = true, MaxPoolSize = 1 };
        var dataSource = NpgsqlDataSource.Create(serverLike.ConnectionString);
        try
        {
            // A migration that leaves its session with a search path on which the runner's unqualified
            // pg_advisory_unlock resolves to a function that fails.
            var migrations = Embedded
                .Append(new Migration("0901_shadow_unlock.sql", """
                    CREATE SCHEMA shadow;
                    CREATE FUNCTION shadow.pg_advisory_unlock(bigint) RETURNS boolean LANGUAGE plpgsql
                        AS $$ BEGIN RAISE EXCEPTION 'unlock refused'; END $$;
                    SET search_path = shadow, pg_catalog, public;
                    """))
                .ToList();

            var report = await new MigrationRunner(dataSource, migrations).MigrateAsync(CancellationToken.None);

            Assert.Equal(["0901_shadow_unlock.sql"], report.Applied.Select(a => a.FileName));
            // From another session: the lock is free once the closed session's backend has exited (a few
            // milliseconds); held by a pooled session, it would never be.
            await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
            await other.OpenAsync();
            await using var takeLock = new NpgsqlCommand("SET lock_timeout = '10s'; SELECT pg_advisory_lock(@key)", other);
            takeLock.Parameters.AddWithValue("key", MigrationSql.AdvisoryLockKey);
            await takeLock.ExecuteNonQueryAsync();
            // and the pool's next session is a fresh one, on the default search path
            await using var next = await dataSource.OpenConnectionAsync();
            await using var searchPath = new NpgsqlCommand("SHOW search_path", next);
            Assert.DoesNotContain("shadow", (string)(await searchPath.ExecuteScalarAsync())!, StringComparison.Ordinal);
        }
        finally
        {
            await dataSource.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    [Fact]
    public void LoadEmbedded_returns_schema_migrations_in_version_order()
    {
        Assert.Equal(
            ["0001_extensions.sql", "0002_organisations_accounts.sql", "0003_places_resources.sql",
             "0004_schedules_slots_bookings.sql", "0005_areas.sql"],
            Embedded.Select(m => m.FileName).Take(5));
        Assert.Equal(Embedded.OrderBy(m => m.Version, StringComparer.Ordinal), Embedded);
    }
}
