using MakerMap.Data.Graph;
using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Places;

/// <summary>
/// The checks and parameters of a nearest-places search (Sql/Graph/find_nearest_place_rows.sql), the one
/// place where its input is validated: the API passes its <see cref="DataValidationException"/>s on as
/// <c>BAD_USER_INPUT</c> with the field named here.
/// </summary>
internal static class NearestSearch
{
    /// <summary>Largest accepted <see cref="NearestPlacesQuery.MaxDistanceMeters"/>: half the Earth's circumference.</summary>
    public const double MaxSearchDistanceMeters = 20_037_509;

    /// <summary>Most places one search returns.</summary>
    public const int MaxLimit = 100;

    /// <summary>
    /// The search's SQL: with a single category, the text with that category written in (see
    /// <see cref="GraphSql.FindNearestPlaceRowsByCategory"/>), so the category's own GiST index serves it;
    /// otherwise <see cref="GraphSql.FindNearestPlaceRows"/>. An unknown category gets the latter and is
    /// refused by <see cref="Bind"/>.
    /// </summary>
    public static string Statement(NearestPlacesQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Categories is { Count: 1 } categories
               && GraphSql.FindNearestPlaceRowsByCategory.TryGetValue(categories.First(), out var text)
            ? text
            : GraphSql.FindNearestPlaceRows;
    }

    /// <summary>
    /// Checks the search and binds <c>lon</c>, <c>lat</c>, <c>limit</c>, <c>kinds</c>, <c>categories</c>,
    /// <c>wheelchair</c>, <c>max_distance</c>, <c>open_at</c> and <c>open_values</c> (the opening-hours values that say open at
    /// <c>open_at</c>). Filters that were not given are written into the SQL as NULLs and the rest are
    /// numbered (<see cref="StatementText"/>), so PostgreSQL keeps one generic plan per combination.
    /// </summary>
    /// <exception cref="DataValidationException">A coordinate, the limit, the distance or a kind/category is out of range.</exception>
    public static void Bind(NpgsqlCommand command, NearestPlacesQuery query, string[]? openValues)
    {
        AddParameters(command, query, openValues);
        command.UseCachedStatementText();
    }

    /// <summary>The checks and named parameters of <see cref="Bind"/>, before its text is rewritten (the benchmarks build pgbench scripts from them).</summary>
    /// <exception cref="DataValidationException">A coordinate, the limit, the distance or a kind/category is out of range.</exception>
    public static void AddParameters(NpgsqlCommand command, NearestPlacesQuery query, string[]? openValues)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(query);
        Guard.Longitude(query.Longitude);
        Guard.Latitude(query.Latitude);
        Guard.Range(query.Limit, 1, MaxLimit, "first");
        Guard.PositiveMetres(query.MaxDistanceMeters, MaxSearchDistanceMeters, "maxDistanceMeters");
        var kinds = Guard.Vocabulary(query.Kinds, PlaceVocabulary.Kinds, "kinds");
        var categories = Guard.Vocabulary(query.Categories, PlaceVocabulary.Categories, "categories");
        var wheelchair = Guard.Vocabulary(query.Wheelchair, PlaceVocabulary.WheelchairAccess, "wheelchair");

        var p = command.Parameters;
        p.Add(new NpgsqlParameter<double>("lon", NpgsqlDbType.Double) { TypedValue = query.Longitude });
        p.Add(new NpgsqlParameter<double>("lat", NpgsqlDbType.Double) { TypedValue = query.Latitude });
        p.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = query.Limit });
        p.AddTextArray("kinds", kinds).AddTextArray("categories", categories).AddTextArray("wheelchair", wheelchair)
            .AddNullable("max_distance", query.MaxDistanceMeters, NpgsqlDbType.Double)
            .AddNullable("open_at", query.OpenAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz)
            .AddTextArray("open_values", query.OpenAt is null ? null : openValues ?? []);
    }
}
