using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Places;

/// <summary>Whether places hold a session (a repair café's slot) at an instant, for <c>openAt</c> filters.</summary>
public sealed class PlaceSessionQueries(NpgsqlDataSource dataSource)
{
    private static readonly string FindWithSessionAt = EmbeddedSql.Load("Places/find_places_with_session_at.sql");

    /// <summary>
    /// The ids among <paramref name="ids"/> of places with a slot, not cancelled, whose period
    /// <c>[start, end)</c> contains <paramref name="instant"/>.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> FindPlacesWithSessionAtAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset instant,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new HashSet<Guid>();
        if (ids.Count == 0)
        {
            return result;
        }
        await using var command = dataSource.CreateCommand(FindWithSessionAt);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        command.Parameters.AddInstant("at", instant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetGuid(0));
        }
        return result;
    }
}
