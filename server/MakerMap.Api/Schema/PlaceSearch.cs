using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Api.Schema;

/// <summary>What <c>Query.places</c> filters on (already validated; enum values in database spelling).</summary>
public sealed record PlaceFilterArgs
{
    /// <summary>Kinds, or null for all.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Categories (any of), or null for all.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Address locality, case-insensitive.</summary>
    public string? Locality { get; init; }

    /// <summary>Inside this area.</summary>
    public Guid? AreaId { get; init; }

    /// <summary>Inside this municipality (NIS code).</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>West, south, east, north in degrees.</summary>
    public (double W, double S, double E, double N)? Box { get; init; }

    /// <summary>Fuzzy text on name and description.</summary>
    public string? Text { get; init; }

    /// <summary>Run by this organisation.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>Holding a session at this instant.</summary>
    public DateTimeOffset? OpenAt { get; init; }
}

/// <summary>
/// Pages of places ordered by name then id, with keyset pagination: a cursor is the opaque base64
/// of <c>place:uuid</c> and the next page starts after that place's (name, id).
/// </summary>
public sealed class PlaceSearch(NpgsqlDataSource dataSource)
{
    private const string Sql = $"""
        -- matching: every filter that was given must hold
        WITH matching AS (
            SELECT p.* FROM places AS p
            WHERE (@kinds::text[] IS NULL OR p.kind = ANY(@kinds))
              AND (@categories::text[] IS NULL OR p.categories && @categories)
              AND (@locality::text IS NULL OR lower(p.locality) = lower(@locality))
              AND (@area_id::uuid IS NULL OR EXISTS (
                    SELECT 1 FROM areas AS a WHERE a.id = @area_id AND ST_Intersects(a.geom, p.location)))
              AND (@nis::text IS NULL OR EXISTS (
                    SELECT 1 FROM areas AS a WHERE a.level = 'municipality' AND a.code = @nis AND ST_Intersects(a.geom, p.location)))
              AND (@west::float8 IS NULL OR p.location && ST_MakeEnvelope(@west, @south, @east, @north, 4326))
              AND (@text::text IS NULL OR p.name ILIKE '%' || @text || '%' OR p.description ILIKE '%' || @text || '%'
                   OR word_similarity(@text, p.name) >= 0.5)
              AND (@organisation_id::uuid IS NULL OR p.organisation_id = @organisation_id)
              AND (@open_at::timestamptz IS NULL OR EXISTS (
                    SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at))
        )
        SELECT {GraphStore.PlaceColumns}, (SELECT count(*) FROM matching)::int AS "totalCount"
        FROM matching AS p
        WHERE @after::uuid IS NULL OR (p.name, p.id) > ((SELECT name FROM places WHERE id = @after), @after)
        ORDER BY p.name, p.id
        LIMIT @limit
        """;

    /// <summary>The page of at most <paramref name="first"/> places after <paramref name="after"/>, and the total count.</summary>
    public async Task<Dictionary<string, object?>> PageAsync(PlaceFilterArgs filter, int first, Guid? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(Sql);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Kinds?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Categories?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("locality", NpgsqlDbType.Text) { Value = filter.Locality ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("area_id", NpgsqlDbType.Uuid) { Value = filter.AreaId ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("nis", NpgsqlDbType.Text) { Value = filter.MunicipalityCode ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("west", NpgsqlDbType.Double) { Value = filter.Box?.W ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("south", NpgsqlDbType.Double) { Value = filter.Box?.S ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("east", NpgsqlDbType.Double) { Value = filter.Box?.E ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("north", NpgsqlDbType.Double) { Value = filter.Box?.N ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = filter.Text ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("organisation_id", NpgsqlDbType.Uuid) { Value = filter.OrganisationId ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("open_at", NpgsqlDbType.TimestampTz) { Value = filter.OpenAt?.UtcDateTime ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = after ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = first + 1 });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = await Row.ReadAllAsync(reader, "Place", ct).ConfigureAwait(false);
        var total = rows.Count > 0 ? (int)rows[0]["totalCount"]! : after is null ? 0 : await CountAsync(filter, ct).ConfigureAwait(false);
        return Connection.Create(rows.Take(first).ToList(), rows.Count > first, after is not null, total, EncodeCursor);
    }

    /// <summary>Decodes a cursor made by this class; malformed cursors throw <c>BAD_USER_INPUT</c>.</summary>
    public static Guid? DecodeCursor(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }
        var buffer = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written) is var text
            && text.StartsWith("place:", StringComparison.Ordinal)
            && Guid.TryParseExact(text[6..], "D", out var id))
        {
            return id;
        }
        throw Errors.BadInput("\"after\" is not a cursor returned by this connection.", "INVALID_INPUT", "after");
    }

    private static string EncodeCursor(Row row) => Convert.ToBase64String(Encoding.UTF8.GetBytes("place:" + row.Uuid.ToString("D")));

    // A page after the last place is empty but the total still counts every match.
    private async Task<int> CountAsync(PlaceFilterArgs filter, CancellationToken ct)
    {
        var page = await PageAsync(filter, 1, null, ct).ConfigureAwait(false);
        return (int)page["totalCount"]!;
    }

    /// <summary>A place by slug, or null.</summary>
    public async Task<Row?> BySlugAsync(string slug, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {GraphStore.PlaceColumns} FROM places AS p WHERE p.slug = @slug");
        command.Parameters.Add(new NpgsqlParameter<string>("slug", NpgsqlDbType.Text) { TypedValue = slug });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return (await Row.ReadAllAsync(reader, "Place", ct).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Areas whose code equals <paramref name="search"/> or whose name matches it, best first.</summary>
    public async Task<List<Row>> AreasAsync(string search, string? level, int first, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {GraphStore.AreaColumns} FROM areas AS a
            WHERE (@level::text IS NULL OR a.level = @level)
              AND (a.code = @search OR a.name ILIKE '%' || @search || '%' OR word_similarity(@search, a.name) >= 0.5)
            ORDER BY (a.code = @search) DESC, (lower(a.name) = lower(@search)) DESC, word_similarity(@search, a.name) DESC,
                     CASE a.level WHEN 'municipality' THEN 0 WHEN 'neighbourhood' THEN 1 ELSE 2 END, a.name, a.id
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("search", NpgsqlDbType.Text) { TypedValue = search });
        command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Text) { Value = level ?? (object)DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = first });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await Row.ReadAllAsync(reader, "Area", ct).ConfigureAwait(false);
    }
}
