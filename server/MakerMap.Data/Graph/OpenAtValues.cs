using MakerMap.Data.Places.OpeningHours;
using Npgsql;

namespace MakerMap.Data.Graph;

/// <summary>
/// The <c>openAt</c> filter of <c>nearestPlaces</c> and <c>places</c>: opening hours are evaluated here,
/// in C# (Europe/Brussels, Belgian public holidays), but only once per distinct value — places share a
/// few hundred of them — and the values that say open at the instant go into the SQL as a list, so the
/// search itself filters, orders and pages in PostgreSQL.
/// </summary>
internal static class OpenAtValues
{
    private const string DistinctValues = "SELECT DISTINCT opening_hours FROM places WHERE opening_hours IS NOT NULL";

    /// <summary>The distinct <c>places.opening_hours</c> values that say open at <paramref name="at"/>.</summary>
    public static async Task<string[]> OpenAtAsync(NpgsqlDataSource dataSource, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(DistinctValues);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var open = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var value = reader.GetString(0);
            if (OpenAtFilter.IsOpenByHours(value, at))
            {
                open.Add(value);
            }
        }
        return [.. open];
    }
}
