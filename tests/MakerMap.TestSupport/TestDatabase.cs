using MakerMap.Data;
using MakerMap.Data.Migrations;
using Npgsql;
using Xunit;

namespace MakerMap.TestSupport;

/// <summary>
/// A throw-away database for one test class: <c>mm_test_&lt;random&gt;</c> is created from the admin
/// connection in <c>MAKERMAP_TEST_DATABASE_ADMIN</c>, migrated with <see cref="MigrationRunner"/> and
/// dropped (WITH FORCE) when the fixture is disposed. Use as <c>IClassFixture&lt;TestDatabase&gt;</c>.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    public const string AdminVariable = "MAKERMAP_TEST_DATABASE_ADMIN";
    public const string DefaultAdminConnectionString = "Host=127.0.0.1;Port=5434;Username=postgres;Database=postgres";

    private NpgsqlDataSource? _dataSource;

    public TestDatabase()
    {
        Name = "mm_test_" + Guid.NewGuid().ToString("N")[..16];
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name };
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The admin (superuser) connection string, from the environment or the default test cluster.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(AdminVariable) is { Length: > 0 } value ? value : DefaultAdminConnectionString;

    /// <summary>The database's name, <c>mm_test_</c> and 16 hex digits.</summary>
    public string Name { get; }

    /// <summary>Connection string of the test database (superuser).</summary>
    public string ConnectionString { get; }

    /// <summary>The shared data source of the test database.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("TestDatabase is not initialised.");

    /// <summary>What the migration at start-up did (null when <see cref="Migrate"/> is false).</summary>
    public MigrationReport? MigrationReport { get; private set; }

    /// <summary>Row builders for this database.</summary>
    public TestData Data => new(DataSource);

    /// <summary>Whether the database is migrated on start; <see cref="EmptyTestDatabase"/> says no.</summary>
    protected virtual bool Migrate => true;

    /// <summary>A separate data source (own pool), e.g. for concurrency tests or a second "instance".</summary>
    public NpgsqlDataSource CreateDataSource(int maxPoolSize = 100)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = maxPoolSize };
        return MakerMapDataSource.Create(builder.ConnectionString, applicationName: "makermap-tests");
    }

    public virtual async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(Name)}", admin);
            await create.ExecuteNonQueryAsync();
        }
        _dataSource = CreateDataSource();
        if (Migrate)
        {
            MigrationReport = await new MigrationRunner(_dataSource).MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(Name)} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A throw-away database without migrations (for migration runner tests).</summary>
public sealed class EmptyTestDatabase : TestDatabase
{
    protected override bool Migrate => false;
}
