using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Bookings;

/// <summary>Reads booking series (migration 0024) and their occurrences, batched for DataLoaders.</summary>
public sealed class BookingSeriesQueries(NpgsqlDataSource dataSource)
{
    private const string SeriesOfBookingsSql = "SELECT id, series_id FROM bookings WHERE id = ANY(@ids) AND series_id IS NOT NULL";

    /// <summary>Series by id; unknown ids are missing.</summary>
    public async Task<IReadOnlyDictionary<Guid, BookingSeries>> ByIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(BookingSql.GetBookingSeries);
        select.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        var series = new Dictionary<Guid, BookingSeries>();
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var s = BookingSeriesReader.Read(r);
            series[s.Id] = s;
        }
        return series;
    }

    /// <summary>The series id of each booking that belongs to one.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> SeriesIdsOfBookingsAsync(IReadOnlyList<Guid> bookingIds, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(SeriesOfBookingsSql);
        select.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. bookingIds] });
        var map = new Dictionary<Guid, Guid>();
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            map[r.GetGuid(0)] = r.GetGuid(1);
        }
        return map;
    }

    /// <summary>The occurrences of each series with their 0-based week, in week order (every asked id has an entry).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<(int Week, Booking Booking)>>> OccurrencesAsync(IReadOnlyList<Guid> seriesIds,
        CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(BookingSql.ListSeriesOccurrences);
        select.Parameters.Add(new NpgsqlParameter<Guid[]>("series_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. seriesIds] });
        var lists = seriesIds.Distinct().ToDictionary(id => id, _ => new List<(int, Booking)>());
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lists[r.GetGuid(r.GetOrdinal("series_id"))].Add((r.GetInt32(r.GetOrdinal("series_week")), BookingReader.Read(r)));
        }
        return lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(int Week, Booking Booking)>)kv.Value);
    }
}

/// <summary>Reads the series columns of Sql/Bookings/*series*.sql by name.</summary>
internal static class BookingSeriesReader
{
    public static BookingSeries Read(NpgsqlDataReader r)
    {
        var organisation = r.GetOrdinal("organisation_id");
        var bookedBy = r.GetOrdinal("booked_by");
        var purpose = r.GetOrdinal("purpose");
        return new BookingSeries(
            r.GetGuid(r.GetOrdinal("id")),
            r.GetGuid(r.GetOrdinal("resource_id")),
            r.IsDBNull(organisation) ? null : r.GetGuid(organisation),
            r.IsDBNull(bookedBy) ? null : r.GetGuid(bookedBy),
            r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("starts_at")),
            r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("ends_at")),
            r.GetInt32(r.GetOrdinal("weeks")),
            r.GetInt32(r.GetOrdinal("quantity")),
            r.IsDBNull(purpose) ? null : r.GetString(purpose),
            r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("created_at")));
    }
}
