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
            MakerMapDataSource.Create(options.ConnectionString, services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<PlaceGeoJsonExport>();
        builder.Services.AddSingleton<VectorTileQueries>();
        return builder;
    }
}
