using MakerMap.Data.Internal;

namespace MakerMap.Data.Migrations;

/// <summary>The runner's SQL, loaded once.</summary>
internal static class MigrationSql
{
    public static readonly string CreateSchemaMigrations = EmbeddedSql.Load("Migrations/create_schema_migrations.sql");

    // Any fixed 64-bit key will do as long as nothing else in the database uses it: 'MakerMap' in ASCII.
    public const long AdvisoryLockKey = 0x4D616B65724D6170;

    public const string Lock = "SELECT pg_advisory_lock(@key)";
    public const string Unlock = "SELECT pg_advisory_unlock(@key)";
    public const string SelectApplied = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
    public const string InsertApplied =
        "INSERT INTO schema_migrations (version, name, checksum, execution_ms) VALUES (@version, @name, @checksum, @ms)";
}
