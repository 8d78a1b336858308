using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Places;

/// <summary>Read queries on places: nearest (KNN), by id, in a bounding box.</summary>
public sealed class PlaceQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Largest accepted <see cref="NearestPlacesQuery.MaxDistanceMeters"/>: half the Earth's circumference.</summary>
    public const double MaxSearchDistanceMeters = 20_037_509;

    /// <summary>
    /// The <see cref="NearestPlacesQuery.Limit"/> nearest matching places, nearest first, with their
    /// distance in metres on the WGS 84 spheroid (ties broken by id).
    /// </summary>
    /// <exception cref="DataValidationException">A coordinate, the limit, a filter or the distance is out of range.</exception>
    public async Task<IReadOnlyList<NearestPlace>> FindNearestAsync(NearestPlacesQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PlaceSql.FindNearest);
        BindNearestSearch(command, query);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var places = new PlaceReader(reader);
        var distance = reader.GetOrdinal("distance_m");
        var result = new List<NearestPlace>(query.Limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new NearestPlace(places.Read(reader), reader.GetDouble(distance)));
        }
        return result;
    }

    /// <summary>
    /// Checks a nearest-place search and binds its parameters (<c>lon</c>, <c>lat</c>, <c>limit</c>,
    /// <c>kinds</c>, <c>categories</c>, <c>max_distance</c>) to a command running find_nearest_places.sql
    /// or a query built on it. Filters that were not given are written into the SQL as NULLs and the rest are
    /// numbered (<see cref="StatementText"/>).
    /// </summary>
    /// <exception cref="DataValidationException">A coordinate, the limit, the distance or a kind/category is out of range.</exception>
    internal static void BindNearestSearch(NpgsqlCommand command, NearestPlacesQuery query)
    {
        AddNearestSearchParameters(command, query);
        // filters not given become NULL literals, so PostgreSQL can keep one generic plan per combination
        command.UseCachedStatementText();
    }

    /// <summary>The checks and named parameters of <see cref="BindNearestSearch"/>, before its text is rewritten.</summary>
    /// <exception cref="DataValidationException">A coordinate, the limit, the distance or a kind/category is out of range.</exception>
    internal static void AddNearestSearchParameters(NpgsqlCommand command, NearestPlacesQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Guard.Longitude(query.Longitude);
        Guard.Latitude(query.Latitude);
        Guard.Range(query.Limit, 1, 100, "limit");
        Guard.PositiveMetres(query.MaxDistanceMeters, MaxSearchDistanceMeters, "maxDistanceMeters");
        var kinds = Guard.Vocabulary(query.Kinds, PlaceVocabulary.Kinds, "kinds");
        var categories = Guard.Vocabulary(query.Categories, PlaceVocabulary.Categories, "categories");

        command.Parameters.Add(new NpgsqlParameter<double>("lon", NpgsqlDbType.Double) { TypedValue = query.Longitude });
        command.Parameters.Add(new NpgsqlParameter<double>("lat", NpgsqlDbType.Double) { TypedValue = query.Latitude });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = query.Limit });
        command.Parameters.AddTextArray("kinds", kinds).AddTextArray("categories", categories)
            .AddNullable("max_distance", query.MaxDistanceMeters, NpgsqlDbType.Double);
    }

    /// <summary>The places with these ids, in the order of <paramref name="ids"/>; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<Place>> GetByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand(PlaceSql.GetByIds);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        var byId = new Dictionary<Guid, Place>(ids.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var places = new PlaceReader(reader);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var place = places.Read(reader);
                byId[place.Id] = place;
            }
        }
        return [.. ids.Distinct().Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>Matching places inside a WGS 84 box, ordered by name.</summary>
    /// <exception cref="DataValidationException">The box or a filter is invalid.</exception>
    public async Task<IReadOnlyList<Place>> FindInBoundingBoxAsync(BoundingBoxQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Guard.Longitude(query.West, "west");
        Guard.Longitude(query.East, "east");
        Guard.Latitude(query.South, "south");
        Guard.Latitude(query.North, "north");
        if (query.East <= query.West || query.North <= query.South)
        {
            Guard.Throw("bbox", "The bounding box must have east > west and north > south.");
        }
        Guard.Range(query.Limit, 1, 5000, "limit");
        var kinds = Guard.Vocabulary(query.Kinds, PlaceVocabulary.Kinds, "kinds");
        var categories = Guard.Vocabulary(query.Categories, PlaceVocabulary.Categories, "categories");

        await using var command = dataSource.CreateCommand(PlaceSql.FindInBoundingBox);
        command.Parameters.AddWithValue("west", query.West);
        command.Parameters.AddWithValue("south", query.South);
        command.Parameters.AddWithValue("east", query.East);
        command.Parameters.AddWithValue("north", query.North);
        command.Parameters.AddWithValue("limit", query.Limit);
        command.Parameters.AddTextArray("kinds", kinds).AddTextArray("categories", categories);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var places = new PlaceReader(reader);
        var result = new List<Place>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(places.Read(reader));
        }
        return result;
    }
}
