using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Internal;

/// <summary>
/// The one way MakerMap.Data binds values: named parameters (<c>@name</c> in the .sql files) with an
/// explicit <see cref="NpgsqlDbType"/>, so that a NULL still carries a type PostgreSQL can resolve
/// and nothing depends on Npgsql inferring a type from the CLR value (<c>AddWithValue</c>).
/// </summary>
internal static class Parameters
{
    public static NpgsqlParameterCollection AddTextArray(this NpgsqlParameterCollection parameters, string name, string?[]? values)
    {
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)values ?? DBNull.Value });
        return parameters;
    }

    public static NpgsqlParameterCollection AddNullable<T>(this NpgsqlParameterCollection parameters, string name, T? value, NpgsqlDbType type)
        where T : struct
    {
        parameters.Add(new NpgsqlParameter(name, type) { Value = value.HasValue ? value.Value : DBNull.Value });
        return parameters;
    }

    public static NpgsqlParameterCollection AddNullableText(this NpgsqlParameterCollection parameters, string name, string? value)
    {
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
        return parameters;
    }

    /// <summary>A PostGIS geometry (NetTopologySuite, through Npgsql.NetTopologySuite), or NULL.</summary>
    public static NpgsqlParameterCollection AddGeometry(this NpgsqlParameterCollection parameters, string name, Geometry? value)
    {
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Geometry) { Value = (object?)value ?? DBNull.Value });
        return parameters;
    }

    /// <summary>Npgsql writes only UTC instants to timestamptz.</summary>
    public static NpgsqlParameterCollection AddInstant(this NpgsqlParameterCollection parameters, string name, DateTimeOffset value)
    {
        parameters.Add(new NpgsqlParameter<DateTimeOffset>(name, NpgsqlDbType.TimestampTz) { TypedValue = value.ToUniversalTime() });
        return parameters;
    }
}
