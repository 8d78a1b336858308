using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Bookings;

/// <summary>
/// Booking writes: request, cancel, approve/decline, expire. Every failure a client can cause is a
/// <see cref="BookingResult"/> failure with a stable code; the database constraints (exclusion,
/// capacity trigger, unique idempotency key) are the last word under concurrency.
/// </summary>
public sealed partial class BookingCommands(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider;

    /// <summary>
    /// Requests a booking. Status is <c>requested</c> (expiring after the resource's approval
    /// timeout) when the resource requires approval, else <c>confirmed</c>; with
    /// <see cref="RequestBookingCommand.JoinWaitlistIfFull"/> a request for a full period is stored as
    /// <c>waitlisted</c> (promoted by the database when units free up, migration 0020). An idempotency key belongs
    /// to the caller (<see cref="RequestBookingCommand.BookedBy"/> and organisation): repeating it with
    /// the same request returns the first booking with <see cref="BookingResult.WasReplay"/>, with a
    /// different request it is <see cref="BookingErrorCodes.IdempotencyConflict"/>.
    /// </summary>
    public Task<BookingResult> RequestBookingAsync(RequestBookingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (BookingRules.CheckInput(command) is { } invalid)
        {
            return Task.FromResult(BookingResult.Fail(invalid));
        }
        var fingerprint = RequestFingerprint.Of(command);
        return TransientRetry.RunAsync(ct => RequestOnceAsync(command, fingerprint, ct), ConcurrentUpdateFailure, cancellationToken);
    }

    private async Task<BookingResult> RequestOnceAsync(RequestBookingCommand command, byte[] fingerprint, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (command.IdempotencyKey is not null
            && await FindByKeyAsync(connection, command, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return Replay(earlier, fingerprint);
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var resource = await ReadResourceAsync(connection, command.ResourceId, cancellationToken).ConfigureAwait(false);
            if (resource is null)
            {
                return BookingResult.Fail(UnknownResource, $"There is no resource {command.ResourceId}.");
            }
            SlotRules? slot = null;
            if (command.SlotId is { } slotId)
            {
                slot = await ReadSlotAsync(connection, command.ResourceId, slotId, cancellationToken).ConfigureAwait(false);
                if (slot is null || slot.IsCancelled)
                {
                    return BookingResult.Fail(UnknownSlot, slot is null
                        ? $"Resource {command.ResourceId} has no slot {slotId}."
                        : $"Slot {slotId} is cancelled.");
                }
            }
            if (BookingRules.CheckAgainstResource(command, resource, slot, now, out var start, out var end) is { } failure)
            {
                return BookingResult.Fail(failure);
            }

            if (command.JoinWaitlistIfFull)
            {
                // Resource lock first (the order of every writer of the resource): no unit can free up
                // between a refusal below and the waitlisted insert, which would leave it waiting for nothing.
                await LockResourceAsync(connection, command.ResourceId, cancellationToken).ConfigureAwait(false);
                await transaction.SaveAsync(BeforeInsert, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                await using var insert = CreateInsert(connection, command, resource, start, end, now, fingerprint, waitlisted: false);
                var booking = await BookingReader.ReadSingleAsync(insert, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return BookingResult.Success(booking!);
            }
            catch (PostgresException e) when (MapConflict(e, command, resource) is { } conflict)
            {
                if (command.JoinWaitlistIfFull && conflict.Code is SlotFull or CapacityExceeded or Overlap)
                {
                    await transaction.RollbackAsync(BeforeInsert, cancellationToken).ConfigureAwait(false);
                    await using var waitlist = CreateInsert(connection, command, resource, start, end, now, fingerprint, waitlisted: true);
                    var waiting = await BookingReader.ReadSingleAsync(waitlist, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return BookingResult.Success(waiting!);
                }
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                // A concurrent retry with the same key loses to the first request in whichever guard
                // it meets first (capacity trigger, exclusion or unique index): the first booking wins.
                if (command.IdempotencyKey is not null
                    && await FindByKeyAsync(connection, command, cancellationToken).ConfigureAwait(false) is { } first)
                {
                    return Replay(first, fingerprint);
                }
                return BookingResult.Fail(conflict);
            }
        }
    }

    private const string BeforeInsert = "before_insert";

    private static async Task LockResourceAsync(NpgsqlConnection connection, Guid resourceId, CancellationToken cancellationToken)
    {
        await using var lockResource = new NpgsqlCommand(BookingSql.LockResource, connection);
        lockResource.Parameters.AddNullable<Guid>("resource_id", resourceId, NpgsqlDbType.Uuid);
        await lockResource.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static BookingResult ConcurrentUpdateFailure() => BookingResult.Fail(ConcurrentUpdate,
        "Other requests for the same resource kept colliding with this one; nothing was booked. Send the request again.");

    // Bookings made before fingerprints were stored (migration 0015) have none and replay as before.
    private static BookingResult Replay(StoredBooking earlier, byte[] fingerprint) =>
        earlier.RequestHash is null || earlier.RequestHash.AsSpan().SequenceEqual(fingerprint)
            ? BookingResult.Success(earlier.Booking, wasReplay: true)
            : BookingResult.Fail(IdempotencyConflict,
                "This idempotency key was used before for a different request; use a new key for a new request.");

    private static BookingFailure? MapConflict(PostgresException e, RequestBookingCommand command, ResourceRules resource) => e.SqlState switch
    {
        PostgresErrorCodes.ExclusionViolation when e.ConstraintName == BookingSql.BookingsExclusiveNoOverlap =>
            new(Overlap, "The resource is already booked in (part of) this period."),
        // The guard trigger runs before the exclusion constraint, so an overlapping booking of an
        // exclusive resource usually surfaces here.
        PostgresErrorCodes.RaiseException when e.Hint == DatabaseGuards.CapacityExceeded => resource.IsExclusive
            ? new(Overlap, "The resource is already booked in (part of) this period.")
            : command.SlotId is not null
                ? new(SlotFull, "The slot has not enough places left.")
                : new(CapacityExceeded, "Not enough units of the resource are free in this period."),
        PostgresErrorCodes.RaiseException when e.Hint == DatabaseGuards.OutsideAvailability =>
            new(OutsideAvailability, "The period is not inside the resource's bookable availability; pick a time from its availability."),
        PostgresErrorCodes.UniqueViolation when e.ConstraintName == BookingSql.BookingsIdempotencyKey =>
            new(InvalidArgument, "The idempotency key was used by a request that did not complete."),
        PostgresErrorCodes.ForeignKeyViolation when e.ConstraintName?.Contains("organisation", StringComparison.Ordinal) == true =>
            new(UnknownOrganisation, $"There is no organisation {command.OrganisationId}."),
        PostgresErrorCodes.ForeignKeyViolation when e.ConstraintName?.Contains("booked_by", StringComparison.Ordinal) == true =>
            new(UnknownAccount, $"There is no account {command.BookedBy}."),
        PostgresErrorCodes.ForeignKeyViolation => new(UnknownResource, $"There is no resource {command.ResourceId}."),
        PostgresErrorCodes.CheckViolation => new(InvalidArgument, $"The booking breaks a rule of the database ({e.ConstraintName})."),
        _ => null,
    };

    private static NpgsqlCommand CreateInsert(NpgsqlConnection connection, RequestBookingCommand command, ResourceRules resource,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, byte[] fingerprint, bool waitlisted,
        Guid? seriesId = null, int? seriesWeek = null)
    {
        var insert = new NpgsqlCommand(BookingSql.InsertBooking, connection);
        var p = insert.Parameters;
        p.AddNullable<Guid>("resource_id", command.ResourceId, NpgsqlDbType.Uuid);
        p.AddNullable("slot_id", command.SlotId, NpgsqlDbType.Uuid);
        p.AddInstant("starts_at", start).AddInstant("ends_at", end).AddInstant("now", now);
        p.AddNullable<int>("quantity", command.Quantity, NpgsqlDbType.Integer);
        p.AddNullable("organisation_id", command.OrganisationId, NpgsqlDbType.Uuid);
        p.AddNullable("booked_by", command.BookedBy, NpgsqlDbType.Uuid);
        p.AddNullableText("status", waitlisted ? BookingStatus.Waitlisted
            : resource.RequiresApproval ? BookingStatus.Requested : BookingStatus.Confirmed);
        p.AddNullable<bool>("is_exclusive", resource.IsExclusive, NpgsqlDbType.Boolean);
        p.AddNullableText("purpose", command.Purpose);
        p.AddNullable("deployment_lon", command.DeploymentLongitude, NpgsqlDbType.Double);
        p.AddNullable("deployment_lat", command.DeploymentLatitude, NpgsqlDbType.Double);
        p.AddNullableText("deployment_address", command.DeploymentAddress);
        p.AddTextArray("confirmed_requirements", [.. command.ConfirmedRequirements.Distinct(StringComparer.Ordinal)]);
        p.AddNullableText("idempotency_key", command.IdempotencyKey);
        p.Add(new NpgsqlParameter<byte[]>("request_hash", NpgsqlDbType.Bytea) { TypedValue = fingerprint });
        // a waitlisted request expires when its period starts (migration 0020)
        p.AddNullable<DateTimeOffset>("expires_at", waitlisted ? start : resource.RequiresApproval ? now + resource.ApprovalTimeout : null,
            NpgsqlDbType.TimestampTz);
        p.AddNullable("series_id", seriesId, NpgsqlDbType.Uuid);
        p.AddNullable("series_week", seriesWeek, NpgsqlDbType.Integer);
        return insert;
    }

    // The caller's earlier booking with this key (keys are scoped to account and organisation).
    private static async Task<StoredBooking?> FindByKeyAsync(NpgsqlConnection connection, RequestBookingCommand command, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(BookingSql.GetByIdempotencyKey, connection);
        select.Parameters.AddNullable("booked_by", command.BookedBy, NpgsqlDbType.Uuid);
        select.Parameters.AddNullable("organisation_id", command.OrganisationId, NpgsqlDbType.Uuid);
        select.Parameters.AddNullableText("idempotency_key", command.IdempotencyKey!);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var hash = reader.GetOrdinal("request_hash");
        return new StoredBooking(BookingReader.Read(reader), reader.IsDBNull(hash) ? null : reader.GetFieldValue<byte[]>(hash));
    }

    private sealed record StoredBooking(Booking Booking, byte[]? RequestHash);

    private static async Task<ResourceRules?> ReadResourceAsync(NpgsqlConnection connection, Guid resourceId, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(BookingSql.GetResourceForBooking, connection);
        select.Parameters.AddNullable<Guid>("resource_id", resourceId, NpgsqlDbType.Uuid);
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new ResourceRules(
            r.GetInt32(r.GetOrdinal("capacity")), r.GetBoolean(r.GetOrdinal("is_exclusive")), r.GetBoolean(r.GetOrdinal("is_mobile")),
            r.GetBoolean(r.GetOrdinal("requires_approval")), r.GetFieldValue<TimeSpan>(r.GetOrdinal("min_booking")),
            r.GetFieldValue<TimeSpan>(r.GetOrdinal("max_booking")), r.GetFieldValue<TimeSpan>(r.GetOrdinal("approval_timeout")),
            r.GetFieldValue<string[]>(r.GetOrdinal("requirement_codes")));
    }

    private static async Task<SlotRules?> ReadSlotAsync(NpgsqlConnection connection, Guid resourceId, Guid slotId, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(BookingSql.GetSlotForBooking, connection);
        select.Parameters.AddNullable<Guid>("resource_id", resourceId, NpgsqlDbType.Uuid);
        select.Parameters.AddNullable<Guid>("slot_id", slotId, NpgsqlDbType.Uuid);
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new SlotRules(
            r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("starts_at")), r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("ends_at")),
            r.GetInt32(r.GetOrdinal("capacity")), r.GetBoolean(r.GetOrdinal("is_cancelled")));
    }
}
