using System.Security.Cryptography;
using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Bookings;

public sealed partial class BookingCommands
{
    /// <summary>
    /// Requests the same period weekly for <see cref="RequestBookingSeriesCommand.Weeks"/> weeks (migration 0024).
    /// Every week is inserted as an ordinary booking in a savepoint of one transaction, so each meets every guard a
    /// single booking meets and fails alone: a full week is refused (or waitlisted with
    /// <see cref="RequestBookingCommand.JoinWaitlistIfFull"/>) while the others are booked. The resource's lock is
    /// taken first and held to the end, so no single request slips between two weeks' checks. Nothing is kept
    /// when no week could be booked. Week k lies k weeks after the first in Europe/Brussels wall-clock time.
    /// </summary>
    public Task<BookingSeriesResult> RequestBookingSeriesAsync(RequestBookingSeriesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var first = command.FirstWeek;
        if (command.Weeks is < RequestBookingSeriesCommand.MinWeeks or > RequestBookingSeriesCommand.MaxWeeks)
        {
            return Task.FromResult(BookingSeriesResult.Fail(InvalidSeriesLength,
                $"A series has {RequestBookingSeriesCommand.MinWeeks} to {RequestBookingSeriesCommand.MaxWeeks} weeks, not {command.Weeks}."));
        }
        if (first.SlotId is not null)
        {
            return Task.FromResult(BookingSeriesResult.Fail(InvalidPeriod, "A series repeats a start and an end, not a slot."));
        }
        if (BookingRules.CheckInput(first) is { } invalid)
        {
            return Task.FromResult(BookingSeriesResult.Fail(invalid));
        }
        var fingerprint = SeriesFingerprint(command);
        return TransientRetry.RunAsync(ct => RequestSeriesOnceAsync(command, fingerprint, ct),
            () => BookingSeriesResult.Fail(ConcurrentUpdateFailure().Failure!), cancellationToken);
    }

    private async Task<BookingSeriesResult> RequestSeriesOnceAsync(RequestBookingSeriesCommand command, byte[] fingerprint, CancellationToken ct)
    {
        var first = command.FirstWeek;
        var now = _time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        if (first.IdempotencyKey is not null && await FindSeriesByKeyAsync(connection, first, ct).ConfigureAwait(false) is { } earlier)
        {
            return await ReplaySeriesAsync(earlier, fingerprint, ct).ConfigureAwait(false);
        }
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var resource = await ReadResourceAsync(connection, first.ResourceId, ct).ConfigureAwait(false);
        if (resource is null)
        {
            return BookingSeriesResult.Fail(UnknownResource, $"There is no resource {first.ResourceId}.");
        }
        // what is the same every week (requirements, deployment, quantity, the first week in the past) fails the request
        if (BookingRules.CheckAgainstResource(first, resource, null, now, out _, out _) is { } failure)
        {
            return BookingSeriesResult.Fail(failure);
        }
        await LockResourceAsync(connection, first.ResourceId, ct).ConfigureAwait(false);
        BookingSeries series;
        try
        {
            series = await InsertSeriesAsync(connection, command, now, fingerprint, ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            if (e.SqlState == PostgresErrorCodes.UniqueViolation
                && await FindSeriesByKeyAsync(connection, first, ct).ConfigureAwait(false) is { } concurrent)
            {
                return await ReplaySeriesAsync(concurrent, fingerprint, ct).ConfigureAwait(false);
            }
            return BookingSeriesResult.Fail(MapConflict(e, first, resource) ?? new(InvalidArgument, e.MessageText));
        }

        var outcomes = new List<SeriesOccurrenceOutcome>(command.Weeks);
        foreach (var (week, start, end) in await ListWeeksAsync(connection, first, command.Weeks, ct).ConfigureAwait(false))
        {
            var weekRequest = first with { Start = start, End = end, IdempotencyKey = null };
            outcomes.Add(await BookWeekAsync(connection, transaction, weekRequest, resource, series.Id, week, now, fingerprint, ct).ConfigureAwait(false));
        }
        if (outcomes.TrueForAll(o => o.Booking is null))
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return new BookingSeriesResult(null, outcomes, new BookingFailure(outcomes[0].Failure!.Code,
                "No week of the series could be booked; see each week's reason."));
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new BookingSeriesResult(series, outcomes, null);
    }

    private const string BeforeWeek = "before_week";

    // One week in its own savepoint: a refusal rolls back that week only.
    private static async Task<SeriesOccurrenceOutcome> BookWeekAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        RequestBookingCommand request, ResourceRules resource, Guid seriesId, int week, DateTimeOffset now, byte[] fingerprint, CancellationToken ct)
    {
        var start = request.Start!.Value;
        var end = request.End!.Value;
        // a week whose wall-clock period is shorter or longer (a daylight-saving night inside it) may break the resource's limits
        if (BookingRules.CheckAgainstResource(request, resource, null, now, out _, out _) is { } invalid)
        {
            return new(week, start, end, null, invalid);
        }
        await transaction.SaveAsync(BeforeWeek, ct).ConfigureAwait(false);
        try
        {
            await using var insert = CreateInsert(connection, request, resource, start, end, now, fingerprint, waitlisted: false, seriesId, week);
            var booking = await BookingReader.ReadSingleAsync(insert, ct).ConfigureAwait(false);
            await transaction.ReleaseAsync(BeforeWeek, ct).ConfigureAwait(false);
            return new(week, start, end, booking, null);
        }
        catch (PostgresException e) when (MapConflict(e, request, resource) is { } conflict)
        {
            await transaction.RollbackAsync(BeforeWeek, ct).ConfigureAwait(false);
            if (request.JoinWaitlistIfFull && conflict.Code is SlotFull or CapacityExceeded or Overlap)
            {
                await using var waitlist = CreateInsert(connection, request, resource, start, end, now, fingerprint, waitlisted: true, seriesId, week);
                return new(week, start, end, await BookingReader.ReadSingleAsync(waitlist, ct).ConfigureAwait(false), null);
            }
            return new(week, start, end, null, conflict);
        }
    }

    private static async Task<List<(int Week, DateTimeOffset Start, DateTimeOffset End)>> ListWeeksAsync(
        NpgsqlConnection connection, RequestBookingCommand first, int weeks, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(BookingSql.ListSeriesWeeks, connection);
        select.Parameters.AddInstant("starts_at", first.Start!.Value).AddInstant("ends_at", first.End!.Value);
        select.Parameters.AddNullable<int>("weeks", weeks, NpgsqlDbType.Integer);
        var list = new List<(int, DateTimeOffset, DateTimeOffset)>(weeks);
        await using var r = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add((r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2)));
        }
        return list;
    }

    private static async Task<BookingSeries> InsertSeriesAsync(NpgsqlConnection connection, RequestBookingSeriesCommand command,
        DateTimeOffset now, byte[] fingerprint, CancellationToken ct)
    {
        var first = command.FirstWeek;
        await using var insert = new NpgsqlCommand(BookingSql.InsertBookingSeries, connection);
        var p = insert.Parameters;
        p.AddNullable<Guid>("resource_id", first.ResourceId, NpgsqlDbType.Uuid);
        p.AddNullable("organisation_id", first.OrganisationId, NpgsqlDbType.Uuid);
        p.AddNullable("booked_by", first.BookedBy, NpgsqlDbType.Uuid);
        p.AddInstant("starts_at", first.Start!.Value).AddInstant("ends_at", first.End!.Value).AddInstant("now", now);
        p.AddNullable<int>("weeks", command.Weeks, NpgsqlDbType.Integer);
        p.AddNullable<int>("quantity", first.Quantity, NpgsqlDbType.Integer);
        p.AddNullableText("purpose", first.Purpose);
        p.AddNullableText("idempotency_key", first.IdempotencyKey);
        p.Add(new NpgsqlParameter<byte[]>("request_hash", NpgsqlDbType.Bytea) { TypedValue = fingerprint });
        await using var r = await insert.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await r.ReadAsync(ct).ConfigureAwait(false);
        return BookingSeriesReader.Read(r);
    }

    private static async Task<(BookingSeries Series, byte[]? Hash)?> FindSeriesByKeyAsync(NpgsqlConnection connection,
        RequestBookingCommand first, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(BookingSql.GetSeriesByIdempotencyKey, connection);
        select.Parameters.AddNullable("booked_by", first.BookedBy, NpgsqlDbType.Uuid);
        select.Parameters.AddNullable("organisation_id", first.OrganisationId, NpgsqlDbType.Uuid);
        select.Parameters.AddNullableText("idempotency_key", first.IdempotencyKey!);
        await using var r = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }
        var hash = r.GetOrdinal("request_hash");
        return (BookingSeriesReader.Read(r), r.IsDBNull(hash) ? null : r.GetFieldValue<byte[]>(hash));
    }

    // A replay answers the series as it is now: its occurrences, whatever became of them since.
    private async Task<BookingSeriesResult> ReplaySeriesAsync((BookingSeries Series, byte[]? Hash) earlier, byte[] fingerprint, CancellationToken ct)
    {
        if (earlier.Hash is not null && !earlier.Hash.AsSpan().SequenceEqual(fingerprint))
        {
            return BookingSeriesResult.Fail(IdempotencyConflict,
                "This idempotency key was used before for a different request; use a new key for a new request.");
        }
        var occurrences = await new BookingSeriesQueries(dataSource).OccurrencesAsync([earlier.Series.Id], ct).ConfigureAwait(false);
        var outcomes = occurrences[earlier.Series.Id].Select(o => new SeriesOccurrenceOutcome(o.Week, o.Booking.Start, o.Booking.End, o.Booking, null)).ToList();
        return new BookingSeriesResult(earlier.Series, outcomes, null, WasReplay: true);
    }

    private static byte[] SeriesFingerprint(RequestBookingSeriesCommand command)
    {
        var single = RequestFingerprint.Of(command.FirstWeek with { JoinWaitlistIfFull = false });
        Span<byte> text = stackalloc byte[single.Length + 5];
        single.CopyTo(text);
        BitConverter.TryWriteBytes(text[single.Length..], command.Weeks);
        text[^1] = command.FirstWeek.JoinWaitlistIfFull ? (byte)1 : (byte)0;
        return SHA256.HashData(text);
    }

    /// <summary>
    /// Cancels the occurrences of a series that have not started yet (requested, confirmed or waitlisted): all of
    /// them, or those starting at or after <paramref name="fromStart"/>. One occurrence alone is cancelled with
    /// <see cref="CancelBookingAsync(Guid, string?, CancellationToken)"/>.
    /// </summary>
    public async Task<CancelBookingSeriesResult> CancelBookingSeriesAsync(Guid seriesId, DateTimeOffset? fromStart, string? reason,
        CancellationToken cancellationToken)
    {
        if (reason is { Length: > 2000 })
        {
            return new(null, [], new(InvalidArgument, "The cancellation reason must be at most 2000 characters long."));
        }
        var series = (await new BookingSeriesQueries(dataSource).ByIdsAsync([seriesId], cancellationToken).ConfigureAwait(false))
            .GetValueOrDefault(seriesId);
        if (series is null)
        {
            return new(null, [], new(UnknownSeries, $"There is no booking series {seriesId}."));
        }
        return await TransientRetry.RunAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // the resource first, like every other writer of it (migration 0015)
            await LockResourceAsync(connection, series.ResourceId, ct).ConfigureAwait(false);
            await using var update = new NpgsqlCommand(BookingSql.CancelBookingSeries, connection, transaction);
            update.Parameters.AddNullable<Guid>("series_id", seriesId, NpgsqlDbType.Uuid);
            update.Parameters.AddNullable("from_start", fromStart, NpgsqlDbType.TimestampTz);
            update.Parameters.AddNullableText("reason", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            update.Parameters.AddInstant("now", _time.GetUtcNow());
            var cancelled = new List<(int Week, Booking Booking)>();
            await using (var r = await update.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    cancelled.Add((r.GetInt32(r.GetOrdinal("series_week")), BookingReader.Read(r)));
                }
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return cancelled.Count == 0
                ? new CancelBookingSeriesResult(series, [], new(InvalidState, fromStart is null
                    ? "No occurrence of this series is left to cancel."
                    : $"No occurrence of this series from {fromStart:O} on is left to cancel."))
                : new CancelBookingSeriesResult(series, [.. cancelled.OrderBy(c => c.Week).Select(c => c.Booking)], null);
        }, () => new CancelBookingSeriesResult(series, [], ConcurrentUpdateFailure().Failure), cancellationToken).ConfigureAwait(false);
    }
}
