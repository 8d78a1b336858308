using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Outbox;

/// <summary>A message waiting in <c>outbox_messages</c>.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Key">Idempotency key, e.g. <c>booking-reminder:&lt;id&gt;:&lt;start&gt;</c>.</param>
/// <param name="Kind"><c>booking_reminder</c> or <c>session_reminder</c>.</param>
/// <param name="Recipient">E-mail address, or null when nobody is known.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="SubjectId">The booking or slot the message is about.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record OutboxMessage(Guid Id, string Key, string Kind, string? Recipient, string Subject, string Body, Guid SubjectId,
    DateTimeOffset CreatedAt);

/// <summary>How many reminders a run wrote.</summary>
/// <param name="Bookings">New booking reminders.</param>
/// <param name="Sessions">New session reminders.</param>
public sealed record ReminderReport(int Bookings, int Sessions);

/// <summary>
/// The transactional outbox: jobs write messages here in the same database as the facts they are
/// about, and <see cref="DispatchPendingAsync"/> hands them to a sender and marks them sent.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Messages that failed this often are left for a person to look at.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Writes a reminder for every live booking and every session starting within <paramref name="lead"/>
    /// of now. Each is written once (unique key), so running this again, or on two instances, adds nothing.
    /// </summary>
    public async Task<ReminderReport> WriteRemindersAsync(TimeSpan lead, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var bookings = await ExecuteAsync(OutboxSql.WriteBookingReminders, now, lead, cancellationToken, counted: true).ConfigureAwait(false);
        var sessions = await ExecuteAsync(OutboxSql.WriteSessionReminders, now, lead, cancellationToken).ConfigureAwait(false);
        return new ReminderReport(bookings, sessions);
    }

    /// <summary>
    /// Sends up to <paramref name="limit"/> pending messages through <paramref name="send"/>, marking
    /// each sent, or recording the error when <paramref name="send"/> throws. Rows are locked with
    /// SKIP LOCKED for the duration, so concurrent dispatchers never send a message twice.
    /// </summary>
    /// <returns>How many messages were sent.</returns>
    public async Task<int> DispatchPendingAsync(Func<OutboxMessage, CancellationToken, Task> send, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        Guard.Range(limit, 1, 1000, "limit");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        await using (var claim = new NpgsqlCommand(OutboxSql.ClaimPending, connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
            claim.Parameters.Add(new NpgsqlParameter<int>("max_attempts", NpgsqlDbType.Integer) { TypedValue = MaxAttempts });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                messages.Add(new OutboxMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetGuid(6),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(7))));
            }
        }

        var sent = 0;
        foreach (var message in messages)
        {
            string? error = null;
            try
            {
                await send(message, cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
            await using var mark = new NpgsqlCommand(OutboxSql.MarkSent, connection, transaction);
            mark.Parameters.AddNullable<Guid>("id", message.Id, NpgsqlDbType.Uuid);
            mark.Parameters.AddInstant("now", timeProvider.GetUtcNow());
            mark.Parameters.AddNullableText("error", error);
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return sent;
    }

    // counted: the statement answers its own count (its last part is a SELECT), else the rows it wrote
    private async Task<int> ExecuteAsync(string sql, DateTimeOffset now, TimeSpan lead, CancellationToken cancellationToken, bool counted = false)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddInstant("now", now);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lead", NpgsqlDbType.Interval) { TypedValue = lead });
        return counted
            ? (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
            : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
