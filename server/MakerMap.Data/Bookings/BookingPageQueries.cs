using MakerMap.Data.Graph;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Bookings;

/// <summary>Whose bookings a page lists.</summary>
public enum BookingOwner
{
    /// <summary>The bookings of a resource.</summary>
    Resource,

    /// <summary>The bookings made for an organisation.</summary>
    Organisation,

    /// <summary>The bookings an account made.</summary>
    Account,
}

/// <summary>Pages of bookings, newest first with a keyset after a booking, as GraphQL <c>Booking</c> rows.</summary>
public sealed class BookingPageQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// At most <paramref name="limit"/> of the owner's bookings in <paramref name="statuses"/> (null: all) after
    /// <paramref name="after"/>; each row also carries <c>totalCount</c>, the number of matches whatever the page.
    /// </summary>
    public async Task<List<TRow>> PageAsync<TRow>(BookingOwner owner, Guid ownerId, IReadOnlyList<string>? statuses, int limit,
        Guid? after, Func<TRow> newRow, CancellationToken ct)
        where TRow : IDictionary<string, object?>
    {
        // One file per owner column: the column is never spliced into SQL at run time.
        var sql = owner switch
        {
            BookingOwner.Resource => GraphSql.PageBookingsByResource,
            BookingOwner.Organisation => GraphSql.PageBookingsByOrganisation,
            BookingOwner.Account => GraphSql.PageBookingsByAccount,
            _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, null),
        };
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("owner", NpgsqlDbType.Uuid) { TypedValue = ownerId });
        p.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statuses?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = after ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        return await ColumnRows.ReadAllAsync(command, newRow, ct).ConfigureAwait(false);
    }
}
