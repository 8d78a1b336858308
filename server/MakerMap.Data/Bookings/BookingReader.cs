using NetTopologySuite.Geometries;
using Npgsql;

namespace MakerMap.Data.Bookings;

/// <summary>Reads the booking columns every Sql/Bookings query returns, by name.</summary>
internal static class BookingReader
{
    public static async Task<Booking?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public static Booking Read(NpgsqlDataReader r) => new(
        r.GetGuid(r.GetOrdinal("id")),
        r.GetGuid(r.GetOrdinal("resource_id")),
        NullableGuid(r, "slot_id"),
        r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("starts_at")),
        r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("ends_at")),
        r.GetInt32(r.GetOrdinal("quantity")),
        NullableGuid(r, "organisation_id"),
        NullableGuid(r, "booked_by"),
        r.GetString(r.GetOrdinal("status")),
        NullableString(r, "purpose"),
        r.IsDBNull(r.GetOrdinal("deployment_location")) ? null : r.GetFieldValue<Point>(r.GetOrdinal("deployment_location")),
        NullableString(r, "deployment_address"),
        r.GetFieldValue<string[]>(r.GetOrdinal("confirmed_requirements")),
        NullableString(r, "idempotency_key"),
        NullableInstant(r, "expires_at"),
        NullableGuid(r, "decided_by"),
        NullableInstant(r, "decided_at"),
        NullableString(r, "decision_note"),
        r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("created_at")));

    private static Guid? NullableGuid(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetGuid(i);
    }

    private static string? NullableString(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    private static DateTimeOffset? NullableInstant(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
    }
}
