using Dapper;
using MakerMap.Data.Schedules;
using Npgsql;

namespace MakerMap.TestSupport;

/// <summary>Small builders that insert the rows a test needs; every method returns the new row's id.</summary>
public sealed class TestData(NpgsqlDataSource dataSource)
{
    public const string SourceCode = "test";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Inserts the <c>test</c> data source once.</summary>
    public async Task EnsureSourceAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO data_sources (code, title, licence, attribution)
            VALUES (@code, 'Test rows', 'CC0-1.0', 'MakerMap tests')
            ON CONFLICT (code) DO NOTHING
            """, new { code = SourceCode });
    }

    public async Task<Guid> OrganisationAsync(string? name = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            "INSERT INTO organisations (slug, name) VALUES (@slug, @name) RETURNING id",
            new { slug = Unique("org"), name = name ?? "Test organisation" });
    }

    public async Task<Guid> AccountAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var slug = Unique("acc");
        return await connection.ExecuteScalarAsync<Guid>(
            "INSERT INTO accounts (email, display_name) VALUES (@email, @name) RETURNING id",
            new { email = slug + "@example.org", name = slug });
    }

    public async Task<Guid> PlaceAsync(double longitude, double latitude, string kind = "repair_cafe",
        string[]? categories = null, string? name = null)
    {
        await EnsureSourceAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO places (slug, name, kind, categories, location, source_code)
            VALUES (@slug, @name, @kind, @categories, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @source)
            RETURNING id
            """,
            new
            {
                slug = Unique("place"),
                name = name ?? "Test place",
                kind,
                categories = categories ?? [],
                lon = longitude,
                lat = latitude,
                source = SourceCode,
            });
    }

    public async Task<Guid> ResourceAsync(Guid placeId, ResourceSpec? spec = null)
    {
        spec ??= new ResourceSpec();
        await EnsureSourceAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO resources (slug, home_place_id, name, kind, capacity, booking_mode, is_mobile,
                                   requires_approval, min_booking, max_booking, approval_timeout, source_code)
            VALUES (@slug, @placeId, @name, @kind, @capacity, @mode, @mobile,
                    @approval, @min, @max, @timeout, @source)
            RETURNING id
            """,
            new
            {
                slug = Unique("res"),
                placeId,
                name = spec.Name,
                kind = spec.Kind,
                capacity = spec.Capacity,
                mode = spec.Exclusive ? "exclusive" : "shared",
                mobile = spec.IsMobile,
                approval = spec.RequiresApproval,
                min = spec.MinBooking,
                max = spec.MaxBooking,
                timeout = spec.ApprovalTimeout,
                source = SourceCode,
            });
        foreach (var code in spec.Requirements)
        {
            await connection.ExecuteAsync(
                "INSERT INTO resource_requirements (resource_id, code, description) VALUES (@id, @code, @code)",
                new { id, code });
        }
        return id;
    }

    /// <summary>
    /// Inserts an availability schedule (once) and one slot <c>[start, end)</c> of the resource. The
    /// schedule's local start is the Europe/Brussels wall-clock time of <paramref name="start"/>, so
    /// materialising it produces this very slot instead of replacing it as stale.
    /// </summary>
    public async Task<Guid> SlotAsync(Guid resourceId, DateTimeOffset start, DateTimeOffset end, int capacity, bool cancelled = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var scheduleId = await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO schedules (kind, resource_id, title, starts_local, duration, source_code)
            VALUES ('availability', @resourceId, 'Test schedule', @local, @duration, @source)
            RETURNING id
            """,
            new { resourceId, local = ZonedTime.ToLocal(start, ZonedTime.FindZone("Europe/Brussels")!), duration = end - start, source = SourceCode });
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO slots (schedule_id, resource_id, period, capacity, is_cancelled)
            VALUES (@schedule, @resource, tstzrange(@start, @end, '[)'), @capacity, @cancelled)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("schedule", scheduleId);
        command.Parameters.AddWithValue("resource", resourceId);
        command.Parameters.AddWithValue("start", start.ToUniversalTime());
        command.Parameters.AddWithValue("end", end.ToUniversalTime());
        command.Parameters.AddWithValue("capacity", capacity);
        command.Parameters.AddWithValue("cancelled", cancelled);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Inserts an area from WKT (a Polygon is promoted to a MultiPolygon).</summary>
    public async Task<Guid> AreaAsync(string level, string code, string name, string wkt, int population, string? municipalityNis = null)
    {
        await EnsureSourceAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            """
            INSERT INTO areas (level, code, name, municipality_nis, geom, population, source_code)
            VALUES (@level, @code, @name, @nis, ST_Multi(ST_GeomFromText(@wkt, 4326)), @population, @source)
            RETURNING id
            """,
            new { level, code, name, nis = municipalityNis, wkt, population, source = SourceCode });
    }

    /// <summary>Inserts a booking <c>[start, end)</c> of the resource in <paramref name="status"/>, optionally deployed at a location.</summary>
    public async Task<Guid> BookingAsync(Guid resourceId, DateTimeOffset start, DateTimeOffset end, string status = "confirmed",
        (double Longitude, double Latitude)? deployment = null, string? address = null, Guid? organisationId = null, Guid? bookedBy = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, organisation_id, booked_by,
                                  deployment_location, deployment_address, purpose)
            SELECT r.id, tstzrange(@start, @end, '[)'), @status, r.booking_mode = 'exclusive', @organisation, @bookedBy,
                   CASE WHEN @lon::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) END,
                   @address, 'Test booking'
              FROM resources r WHERE r.id = @resource
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("resource", resourceId);
        command.Parameters.AddWithValue("start", start.ToUniversalTime());
        command.Parameters.AddWithValue("end", end.ToUniversalTime());
        command.Parameters.AddWithValue("status", status);
        command.Parameters.Add(new NpgsqlParameter("organisation", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)organisationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("bookedBy", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)bookedBy ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("lon", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)deployment?.Longitude ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("lat", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)deployment?.Latitude ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("address", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)address ?? DBNull.Value });
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountAsync(string sqlCount, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sqlCount, parameters);
    }
}

/// <summary>The shape of a test resource; defaults are an exclusive room that needs no approval.</summary>
public sealed record ResourceSpec
{
    public string Name { get; init; } = "Test resource";
    public string Kind { get; init; } = "workshop_room";
    public int Capacity { get; init; } = 1;
    public bool Exclusive { get; init; } = true;
    public bool IsMobile { get; init; }
    public bool RequiresApproval { get; init; }
    public TimeSpan MinBooking { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan MaxBooking { get; init; } = TimeSpan.FromDays(14);
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromHours(72);
    public IReadOnlyList<string> Requirements { get; init; } = [];
}
