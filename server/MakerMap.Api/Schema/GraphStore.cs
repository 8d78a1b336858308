using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Api.Schema;

/// <summary>
/// Batched reads of the rows behind the GraphQL object types, one query per type and batch of ids
/// (the DataLoaders call these). Column aliases are SDL field names; see <see cref="Row"/>.
/// </summary>
public sealed class GraphStore(NpgsqlDataSource dataSource)
{
    /// <summary>The columns of a <c>Place</c>.</summary>
    public const string PlaceColumns = """
        p.id AS "uuid", p.slug AS "slug", p.name AS "name", upper(p.kind) AS "kind",
        ARRAY(SELECT upper(c) FROM unnest(p.categories) AS c) AS "categories",
        p.description AS "description", ST_AsGeoJSON(p.location) AS "location",
        ST_X(p.location) AS "longitude", ST_Y(p.location) AS "latitude",
        upper(p.location_precision) AS "locationPrecision", p.location_note AS "locationNote",
        p.street_address AS "street", p.postal_code AS "postalCode", p.locality AS "locality",
        p.country_code AS "countryCode", p.phone AS "phone", p.email AS "email", p.website AS "website",
        p.opening_hours AS "openingHoursRaw", upper(p.wheelchair) AS "wheelchair", p.languages AS "languages",
        p.organisation_id AS "organisationId", p.source_code AS "sourceCode", p.source_url AS "sourceUrl",
        p.created_at AS "createdAt", p.updated_at AS "updatedAt"
        """;

    private const string ResourceColumns = """
        r.id AS "uuid", r.slug AS "slug", r.name AS "name", upper(r.kind) AS "kind", r.description AS "description",
        r.capacity AS "capacity", upper(r.booking_mode) AS "bookingMode", r.is_mobile AS "isMobile",
        r.requires_approval AS "requiresApproval",
        (extract(epoch FROM r.min_booking) / 60)::int AS "minBookingMinutes",
        (extract(epoch FROM r.max_booking) / 60)::int AS "maxBookingMinutes",
        (extract(epoch FROM r.approval_timeout) / 3600)::float8 AS "approvalTimeoutHours",
        r.home_place_id AS "homePlaceId", r.organisation_id AS "organisationId", r.source_code AS "sourceCode"
        """;

    private const string OrganisationColumns = """
        o.id AS "uuid", o.slug AS "slug", o.name AS "name", upper(o.kind) AS "kind", o.website AS "website",
        o.email AS "email", o.calendar_token AS "calendarToken"
        """;

    /// <summary>Places by id.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> PlacesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync($"SELECT {PlaceColumns} FROM places AS p WHERE p.id = ANY(@ids)", "Place", ids, ct);

    /// <summary>Resources by id.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> ResourcesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync($"SELECT {ResourceColumns} FROM resources AS r WHERE r.id = ANY(@ids)", "Resource", ids, ct);

    /// <summary>Organisations by id.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> OrganisationsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync($"SELECT {OrganisationColumns} FROM organisations AS o WHERE o.id = ANY(@ids)", "Organisation", ids, ct);

    /// <summary>Accounts by id.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> AccountsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync("""
            SELECT a.id AS "uuid", a.email AS "emailAddress", a.display_name AS "displayName",
                   a.is_planner AS "isPlanner", a.is_admin AS "isAdmin", a.created_at AS "createdAt"
            FROM accounts AS a WHERE a.id = ANY(@ids)
            """, "Account", ids, ct);

    /// <summary>Areas by id.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> AreasAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync($"SELECT {AreaColumns} FROM areas AS a WHERE a.id = ANY(@ids)", "Area", ids, ct);

    /// <summary>The columns of an <c>Area</c>.</summary>
    public const string AreaColumns = """
        a.id AS "uuid", upper(a.level) AS "level", a.code AS "code", a.name AS "name", a.population AS "population",
        a.population_reference_date AS "populationReferenceDate", ST_AsGeoJSON(a.geom) AS "geometry",
        a.source_code AS "sourceCode", a.municipality_nis AS "municipalityNis"
        """;

    /// <summary>Slots by id, with what is left of each.</summary>
    public Task<IReadOnlyDictionary<Guid, Row>> SlotsAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        ByIdAsync("""
            SELECT s.id AS "uuid", lower(s.period) AS "start", upper(s.period) AS "end", s.capacity AS "capacity",
                   CASE WHEN s.is_cancelled THEN 0 ELSE greatest(0, s.capacity - coalesce((
                       SELECT sum(b.quantity) FROM bookings AS b
                       WHERE b.slot_id = s.id AND b.status IN ('requested', 'confirmed')), 0))::int END AS "remaining",
                   s.resource_id AS "resourceId", s.place_id AS "placeId", s.is_cancelled AS "isCancelled",
                   sc.title AS "title", sc.is_verified AS "isVerified"
            FROM slots AS s JOIN schedules AS sc ON sc.id = s.schedule_id WHERE s.id = ANY(@ids)
            """, "Slot", ids, ct);

    /// <summary>Data sources by code.</summary>
    public async Task<IReadOnlyDictionary<string, Row>> DataSourcesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT code AS "code", title AS "title", url AS "url", licence AS "licence", attribution AS "attribution",
                   reference_date AS "referenceDate"
            FROM data_sources WHERE code = ANY(@codes)
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. codes] });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = await Row.ReadAllAsync(reader, "DataSource", ct).ConfigureAwait(false);
        return rows.ToDictionary(r => (string)r["code"]!, StringComparer.Ordinal);
    }

    /// <summary>Resources whose home is one of the places, by place.</summary>
    public Task<ILookup<Guid, Row>> ResourcesByPlaceAsync(IReadOnlyList<Guid> placeIds, CancellationToken ct) =>
        GroupedAsync($"SELECT {ResourceColumns}, r.home_place_id AS \"key\" FROM resources AS r WHERE r.home_place_id = ANY(@ids) ORDER BY r.name, r.id",
            "Resource", placeIds, ct);

    /// <summary>Resources owned by the organisations, by organisation.</summary>
    public Task<ILookup<Guid, Row>> ResourcesByOrganisationAsync(IReadOnlyList<Guid> organisationIds, CancellationToken ct) =>
        GroupedAsync($"SELECT {ResourceColumns}, r.organisation_id AS \"key\" FROM resources AS r WHERE r.organisation_id = ANY(@ids) ORDER BY r.name, r.id",
            "Resource", organisationIds, ct);

    /// <summary>Places run by the organisations, by organisation.</summary>
    public Task<ILookup<Guid, Row>> PlacesByOrganisationAsync(IReadOnlyList<Guid> organisationIds, CancellationToken ct) =>
        GroupedAsync($"SELECT {PlaceColumns}, p.organisation_id AS \"key\" FROM places AS p WHERE p.organisation_id = ANY(@ids) ORDER BY p.name, p.id",
            "Place", organisationIds, ct);

    /// <summary>Requirements of the resources, by resource.</summary>
    public Task<ILookup<Guid, Row>> RequirementsAsync(IReadOnlyList<Guid> resourceIds, CancellationToken ct) =>
        GroupedAsync("""
            SELECT q.resource_id AS "key", q.code AS "code", q.description AS "description"
            FROM resource_requirements AS q WHERE q.resource_id = ANY(@ids) ORDER BY q.code
            """, "Requirement", resourceIds, ct);

    /// <summary>Memberships of the accounts (by account) or of the organisations (by organisation).</summary>
    public Task<ILookup<Guid, Row>> MembershipsAsync(IReadOnlyList<Guid> ids, bool byOrganisation, CancellationToken ct) =>
        GroupedAsync($"""
            SELECT m.{(byOrganisation ? "organisation_id" : "account_id")} AS "key", m.account_id AS "accountId",
                   m.organisation_id AS "organisationId", upper(m.role) AS "role", m.created_at AS "createdAt"
            FROM memberships AS m WHERE m.{(byOrganisation ? "organisation_id" : "account_id")} = ANY(@ids)
            ORDER BY m.created_at, m.account_id
            """, "Membership", ids, ct);

    /// <summary>
    /// For each of the places that has sessions (slots with a place): whether one of them is under way
    /// at <paramref name="at"/>. Places without sessions are missing from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, bool>> SessionsAtAsync(IReadOnlyList<Guid> placeIds, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.place_id, bool_or(s.period @> @at) FROM slots AS s
            WHERE s.place_id = ANY(@ids) AND NOT s.is_cancelled
            GROUP BY s.place_id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. placeIds] });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = at.UtcDateTime });
        var open = new Dictionary<Guid, bool>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            open[reader.GetGuid(0)] = reader.GetBoolean(1);
        }
        return open;
    }

    private async Task<IReadOnlyDictionary<Guid, Row>> ByIdAsync(string sql, string typeName, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await QueryAsync(sql, typeName, ids, ct).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Uuid);
    }

    private async Task<ILookup<Guid, Row>> GroupedAsync(string sql, string typeName, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await QueryAsync(sql, typeName, ids, ct).ConfigureAwait(false);
        return rows.ToLookup(r => (Guid)r["key"]!);
    }

    private async Task<List<Row>> QueryAsync(string sql, string typeName, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await Row.ReadAllAsync(reader, typeName, ct).ConfigureAwait(false);
    }
}
