using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Bookings;

public sealed partial class BookingCommands
{
    /// <summary>The longest decision note (and decline reason) accepted, in characters.</summary>
    public const int MaxDecisionNoteLength = 2000;

    /// <summary>Cancels a requested or confirmed booking; its capacity is free again at once.</summary>
    public Task<BookingResult> CancelBookingAsync(Guid bookingId, CancellationToken cancellationToken) =>
        CancelBookingAsync(bookingId, reason: null, cancellationToken);

    /// <summary>Cancels a live booking and keeps <paramref name="reason"/> (at most 2,000 characters) for the other side.</summary>
    public async Task<BookingResult> CancelBookingAsync(Guid bookingId, string? reason, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 2000 })
        {
            return BookingResult.Fail(InvalidArgument, "The cancellation reason must be at most 2000 characters long.");
        }
        return await TransientRetry.RunAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await LockResourceOfBookingAsync(connection, transaction, bookingId, ct).ConfigureAwait(false);
            await using var update = new NpgsqlCommand(BookingSql.CancelBooking, connection, transaction);
            update.Parameters.AddNullable<Guid>("id", bookingId, NpgsqlDbType.Uuid);
            update.Parameters.AddNullableText("reason", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            update.Parameters.AddInstant("now", _time.GetUtcNow());
            var cancelled = await BookingReader.ReadSingleAsync(update, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            if (cancelled is not null)
            {
                return BookingResult.Success(cancelled);
            }
            return await ExplainAsync(bookingId, "cancelled", ct).ConfigureAwait(false);
        }, ConcurrentUpdateFailure, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Approves (<c>confirmed</c>) or declines (<c>declined</c>) a request that has not expired. A decline
    /// needs a reason (<paramref name="note"/>, not blank): the booker is told it in the notification, and
    /// "declined" alone leaves them guessing whether to try another date.
    /// </summary>
    public async Task<BookingResult> DecideBookingAsync(Guid bookingId, bool approve, Guid? decidedBy, string? note,
        CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxDecisionNoteLength })
        {
            return BookingResult.Fail(InvalidArgument, $"The decision note must be at most {MaxDecisionNoteLength} characters long.");
        }
        if (!approve && note is null)
        {
            return BookingResult.Fail(DeclineReasonRequired, "Declining a request needs a reason for the booker (the note).");
        }
        return await TransientRetry.RunAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await LockResourceOfBookingAsync(connection, transaction, bookingId, ct).ConfigureAwait(false);
            await using var update = new NpgsqlCommand(BookingSql.DecideBooking, connection, transaction);
            update.Parameters.AddNullable<Guid>("id", bookingId, NpgsqlDbType.Uuid);
            update.Parameters.AddNullableText("status", approve ? BookingStatus.Confirmed : BookingStatus.Declined);
            update.Parameters.AddNullable("decided_by", decidedBy, NpgsqlDbType.Uuid);
            update.Parameters.AddNullableText("note", note);
            update.Parameters.AddInstant("now", _time.GetUtcNow());
            try
            {
                var decided = await BookingReader.ReadSingleAsync(update, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                if (decided is not null)
                {
                    return BookingResult.Success(decided);
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                return BookingResult.Fail(UnknownAccount, $"There is no account {decidedBy}.");
            }
            return await ExplainAsync(bookingId, approve ? "approved" : "declined", ct).ConfigureAwait(false);
        }, ConcurrentUpdateFailure, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the booking's resource row lock before the booking's own row, the order every other write
    /// uses (migration 0015): the update's triggers lock the resource and may promote waitlisted
    /// bookings of it (migration 0020), so locking the booking first would deadlock with them.
    /// </summary>
    private static async Task LockResourceOfBookingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bookingId,
        CancellationToken cancellationToken)
    {
        await using var lockResource = new NpgsqlCommand(BookingSql.LockResourceOfBooking, connection, transaction);
        lockResource.Parameters.AddNullable<Guid>("id", bookingId, NpgsqlDbType.Uuid);
        await lockResource.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks requests whose <c>expires_at</c> has passed as <c>expired</c>, releasing their capacity.
    /// Waitlisted requests whose period has started expire too. Returns how many expired. Safe to run
    /// from several schedulers at once; retried when it deadlocks with a cancellation that offers the
    /// same resource's units to the same waitlist.
    /// </summary>
    public async Task<int> ExpireUndecidedAsync(CancellationToken cancellationToken) =>
        await TransientRetry.RunAsync(async ct =>
        {
            await using var update = dataSource.CreateCommand(BookingSql.ExpireUndecided);
            update.Parameters.AddInstant("now", _time.GetUtcNow());
            return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, () => 0, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The approval queue of <paramref name="accountId"/>: up to <paramref name="limit"/> (1..100) requests
    /// not yet expired on resources of organisations it manages (all when <paramref name="isSiteAdmin"/>), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<Booking>> ListRequestsToDecideAsync(Guid accountId, bool isSiteAdmin, int limit, CancellationToken cancellationToken)
    {
        Guard.Range(limit, 1, 100, "limit");
        await using var select = dataSource.CreateCommand(BookingSql.ListRequestsToDecide);
        select.Parameters.AddNullable<Guid>("account_id", accountId, NpgsqlDbType.Uuid);
        select.Parameters.AddNullable<bool>("is_site_admin", isSiteAdmin, NpgsqlDbType.Boolean);
        select.Parameters.AddNullable<int>("limit", limit, NpgsqlDbType.Integer);
        select.Parameters.AddInstant("now", _time.GetUtcNow());
        var requests = new List<Booking>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            requests.Add(BookingReader.Read(reader));
        }
        return requests;
    }

    /// <summary>The booking with this id, or null.</summary>
    public async Task<Booking?> GetBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(BookingSql.GetBooking);
        select.Parameters.AddNullable<Guid>("id", bookingId, NpgsqlDbType.Uuid);
        return await BookingReader.ReadSingleAsync(select, cancellationToken).ConfigureAwait(false);
    }

    // The update matched nothing: say whether the booking is unknown, expired or in the wrong state.
    private async Task<BookingResult> ExplainAsync(Guid bookingId, string verb, CancellationToken cancellationToken)
    {
        var booking = await GetBookingAsync(bookingId, cancellationToken).ConfigureAwait(false);
        if (booking is null)
        {
            return BookingResult.Fail(UnknownBooking, $"There is no booking {bookingId}.");
        }
        if (booking.Status == BookingStatus.Requested && booking.ExpiresAt <= _time.GetUtcNow())
        {
            return BookingResult.Fail(BookingExpired, $"Booking {bookingId} expired at {booking.ExpiresAt:O} and cannot be {verb}.");
        }
        return BookingResult.Fail(InvalidState, $"Booking {bookingId} is {booking.Status} and cannot be {verb}.");
    }
}
