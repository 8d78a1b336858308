using MakerMap.Data.Graph;
using MakerMap.Data.Places;
using Npgsql;

namespace MakerMap.Data.Tests.Places;

/// <summary>A nearest-places search through the read path the server runs, its rows reduced to what the tests compare.</summary>
internal static class NearestRows
{
    public sealed record Hit(Guid Id, double Metres, string Kind, double Longitude, double Latitude);

    public static async Task<List<Hit>> FindAsync(NpgsqlDataSource dataSource, NearestPlacesQuery query)
    {
        var rows = await new GraphRowQueries(dataSource).NearestPlacesAsync(query, () => new Dictionary<string, object?>(StringComparer.Ordinal),
            CancellationToken.None);
        return [.. rows.Select(r => new Hit((Guid)r["uuid"]!, (double)r["distanceMeters"]!, ((string)r["kind"]!).ToLowerInvariant(),
            (double)r["longitude"]!, (double)r["latitude"]!))];
    }
}
