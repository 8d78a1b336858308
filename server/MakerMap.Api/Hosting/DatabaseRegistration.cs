using MakerMap.Api.Options;
using MakerMap.Data;
using MakerMap.Data.Export;
using MakerMap.Data.Migrations;
using MakerMap.Data.Tiles;
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
            MakerMapDataSource.Create(WithAutoPrepare(options.ConnectionString), services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<PlaceGeoJsonExport>();
        builder.Services.AddSingleton<VectorTileQueries>();
        return builder;
    }

    // The server runs the same few statements over and over (nearestPlaces, the DataLoaders'
    // batches), so let Npgsql prepare them after their second use: PostgreSQL then skips parsing and
    // planning, as pgbench -M prepared does (scripts/bench-api.sh). A connection string that sets
    // its own Max Auto Prepare keeps it.
    internal static string WithAutoPrepare(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        return settings.ConnectionString;
    }
}
