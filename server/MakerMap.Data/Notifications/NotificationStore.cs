using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Notifications;

/// <summary>An in-app notification as its account reads it.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Kind"><c>booking_requested</c>, <c>booking_approved</c>, <c>booking_declined</c>, <c>booking_expired</c>, <c>booking_promoted</c> or <c>booking_reminder</c>.</param>
/// <param name="BookingId">The booking it is about.</param>
/// <param name="Subject">One line, in the account's language.</param>
/// <param name="Body">The sentence, in the account's language.</param>
/// <param name="CreatedAt">When it happened.</param>
/// <param name="ReadAt">When the account marked it read.</param>
public sealed record Notification(Guid Id, string Kind, Guid BookingId, string Subject, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// Reads and marks the notifications that the database writes for each step of a booking
/// (trigger <c>bookings_notify_people</c>, migration 0020).
/// </summary>
public sealed class NotificationStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private static readonly string List = EmbeddedSql.Load("Notifications/list_notifications.sql");
    private static readonly string MarkRead = EmbeddedSql.Load("Notifications/mark_notifications_read.sql");
    private const string SetLanguage = "UPDATE accounts SET language = @language WHERE id = @account_id";
    private const string CountUnread = "SELECT count(*)::int FROM notifications WHERE account_id = @account_id AND read_at IS NULL";

    /// <summary>The account's newest <paramref name="first"/> notifications (1..100), newest first.</summary>
    public async Task<IReadOnlyList<Notification>> ListAsync(Guid accountId, int first, bool unreadOnly, CancellationToken cancellationToken)
    {
        Guard.Range(first, 1, 100, "first");
        await using var select = dataSource.CreateCommand(List);
        select.Parameters.AddNullable<Guid>("account_id", accountId, NpgsqlDbType.Uuid);
        select.Parameters.AddNullable<bool>("unread_only", unreadOnly, NpgsqlDbType.Boolean);
        select.Parameters.AddNullable<int>("limit", first, NpgsqlDbType.Integer);
        var items = new List<Notification>();
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new Notification(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(5), r.GetString(6),
                r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4)));
        }
        return items;
    }

    /// <summary>How many of the account's notifications are unread.</summary>
    public async Task<int> CountUnreadAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(CountUnread);
        select.Parameters.AddNullable<Guid>("account_id", accountId, NpgsqlDbType.Uuid);
        return (int)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Sets the language (<c>nl</c>, <c>fr</c>, <c>en</c>) the account's notifications and e-mails are written in.</summary>
    public async Task SetLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand(SetLanguage);
        update.Parameters.AddNullable<Guid>("account_id", accountId, NpgsqlDbType.Uuid);
        update.Parameters.AddNullableText("language", language);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the account's notifications <paramref name="ids"/> (all when null) read; returns how many stay unread.</summary>
    public async Task<int> MarkReadAsync(Guid accountId, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand(MarkRead);
        update.Parameters.AddNullable<Guid>("account_id", accountId, NpgsqlDbType.Uuid);
        update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids is null ? DBNull.Value : ids.ToArray() });
        update.Parameters.AddInstant("now", timeProvider.GetUtcNow());
        return (int)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
