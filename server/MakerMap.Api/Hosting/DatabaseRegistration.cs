using System.Data.Common;
using MakerMap.Api.Options;
using MakerMap.Data;
using Npgsql;

namespace MakerMap.Api.Hosting;

/// <summary>Registers the database: options, one <see cref="NpgsqlDataSource"/> and the query classes.</summary>
internal static class DatabaseRegistration
{
    public static WebApplicationBuilder AddMakerMapDatabase(this WebApplicationBuilder builder)
    {
        var options = new DatabaseOptions
        {
            ConnectionString = builder.Configuration.GetConnectionString("MakerMap") ?? DatabaseOptions.DefaultConnectionString,
            MigrateOnStartup = builder.Configuration.GetValue("MakerMap:MigrateOnStartup", true),
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
            MakerMapDataSource.Create(WithServerPoolSettings(options.ConnectionString), services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddMakerMapData();
        return builder;
    }

    // Pool settings for a server that runs the same few statements over and over (nearestPlaces, the
    // DataLoaders' batches). A connection string that names either setting keeps its own value.
    // - Auto-prepare after the second use: PostgreSQL then skips parsing and planning, as pgbench
    //   -M prepared does (scripts/bench-api.sh).
    // - No reset on close: by default Npgsql prefixes the next command on a pooled connection with seven
    //   statements (RESET ALL, CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all(), …), which cost PostgreSQL
    //   about a fifth of a nearestPlaces call. Nothing here leaves session state on a pooled connection:
    //   no SQL sets a session setting, advisory locks and temp tables are transaction-scoped except the
    //   migration lock, which is released in a finally block, and LISTEN has its own unpooled connection
    //   (LiveChangeListener).
    internal static string WithServerPoolSettings(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }
        return settings.ConnectionString;
    }
}
