using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakerMap.Data;

/// <summary>
/// Builds the <see cref="NpgsqlDataSource"/> every query class takes. Geometry travels as WKB:
/// queries select <c>ST_AsBinary(...)</c> (read with NetTopologySuite's <c>WKBReader</c>) and take
/// points as <c>ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)</c> or WKB parameters, so no Npgsql
/// PostGIS plugin is needed.
/// </summary>
public static class MakerMapDataSource
{
    /// <summary>Creates a data source for <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="loggerFactory">Optional logging for Npgsql itself.</param>
    /// <param name="applicationName">Shown in <c>pg_stat_activity</c> unless the connection string sets one.</param>
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory? loggerFactory = null, string applicationName = "makermap")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = applicationName;
        }
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        return builder.Build();
    }
}
