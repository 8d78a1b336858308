using MakerMap.Api.Auth;
using MakerMap.Data.Bookings;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;
using static MakerMap.Api.Schema.MutationInput;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>requestBooking</c>, <c>cancelBooking</c> and <c>decideBooking</c>. Every failure the caller can
/// cause, signing in and permissions included, is a <see cref="UserError"/> in the payload (as the
/// SDL's <c>Mutation</c> description promises); only malformed GraphQL (wrong types) fails validation.
/// </summary>
public static class BookingMutations
{
    /// <summary>Binds the booking mutations.</summary>
    public static SchemaBuilder BindBookingMutations(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Mutation", "requestBooking", Observability.BookingOutcomes.Counted(RequestAsync))
            .Bind("Mutation", "cancelBooking", (ctx, ct) => DecideOrCancelAsync(ctx, decision: null, ct))
            .Bind("Mutation", "decideBooking", (ctx, ct) => DecideOrCancelAsync(ctx, ctx.Input()["decision"] as string, ct));
    }

    private static async Task<Dictionary<string, object?>> RequestAsync(ResolveContext ctx, CancellationToken ct)
    {
        if (!TryReadRequest(ctx, out var command, out var error))
        {
            return Payload.Fail("booking", error!);
        }
        var result = await ctx.Service<BookingCommands>().RequestBookingAsync(command!, ct).ConfigureAwait(false);
        return ToPayload(result);
    }

    /// <summary>
    /// Reads a booking request (<c>RequestBookingInput</c> or <c>RequestBookingSeriesInput</c>) after checking that the
    /// caller is signed in and may book for the organisation; the error is the payload's when it returns false.
    /// </summary>
    internal static bool TryReadRequest(ResolveContext ctx, out RequestBookingCommand? command, out UserError? error)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        command = null;
        if (principal.GetAccountId() is not { } accountId)
        {
            error = UserError.Unauthenticated();
            return false;
        }
        if (!TryId(input, "resourceId", "Resource", out var resourceId, out error)
            || !TryId(input, "organisationId", "Organisation", out var organisationId, out error)
            || !TryOptionalId(input, "slotId", "Slot", out var slotId, out error))
        {
            return false;
        }
        if (!ctx.Service<AccessPolicy>().CanBookFor(principal, organisationId))
        {
            error = new UserError(UserErrorCodes.Forbidden, "You can only book for an organisation you are a member of.", ["input", "organisationId"]);
            return false;
        }
        var start = input.GetValueOrDefault("start") as DateTimeOffset?;
        var end = input.GetValueOrDefault("end") as DateTimeOffset?;
        if (start is { } s && end is { } e && e <= s)
        {
            error = new UserError(UserErrorCodes.InvalidPeriod, "The end must be after the start.", ["input", "end"]);
            return false;
        }
        double? lon = null, lat = null;
        if (input.GetValueOrDefault("deploymentLocation") is { } location)
        {
            try
            {
                (lon, lat) = Inputs.Point(location, "input", "deploymentLocation");
            }
            catch (GraphQLException x)
            {
                error = new UserError(UserErrorCodes.InvalidCoordinates, x.Message, ["input", "deploymentLocation"]);
                return false;
            }
        }
        command = new RequestBookingCommand
        {
            ResourceId = resourceId,
            SlotId = slotId,
            Start = start,
            End = end,
            Quantity = Inputs.AsInt(input.GetValueOrDefault("quantity")) ?? 1,
            OrganisationId = organisationId,
            BookedBy = accountId,
            Purpose = input.GetValueOrDefault("purpose") as string,
            DeploymentLongitude = lon,
            DeploymentLatitude = lat,
            DeploymentAddress = input.GetValueOrDefault("deploymentAddress") as string,
            ConfirmedRequirements = input.GetValueOrDefault("confirmedRequirements") is IEnumerable<object?> codes ? [.. codes.OfType<string>()] : [],
            IdempotencyKey = input.GetValueOrDefault("idempotencyKey") as string,
            JoinWaitlistIfFull = input.GetValueOrDefault("joinWaitlistIfFull") as bool? ?? false,
        };
        return true;
    }

    private static async Task<Dictionary<string, object?>> DecideOrCancelAsync(ResolveContext ctx, string? decision, CancellationToken ct)
    {
        var input = ctx.Input();
        var principal = ctx.Principal();
        if (principal.GetAccountId() is not { } accountId)
        {
            return Payload.Fail("booking", UserError.Unauthenticated());
        }
        if (!TryId(input, "bookingId", "Booking", out var bookingId, out var error))
        {
            return Payload.Fail("booking", error!);
        }
        var commands = ctx.Service<BookingCommands>();
        var booking = await commands.GetBookingAsync(bookingId, ct).ConfigureAwait(false);
        var resource = booking is null ? null : await ctx.LoadResource(booking.ResourceId).ConfigureAwait(false);
        var policy = ctx.Service<AccessPolicy>();
        var parties = booking is null ? null : new BookingParties(booking.BookedBy, booking.OrganisationId, resource?.GuidOrNull("organisationId"));
        if (parties is null || !policy.CanSeeBooking(principal, parties))
        {
            return Payload.Fail("booking", new UserError(UserErrorCodes.NotFound, "There is no booking with this id.", ["input", "bookingId"]));
        }
        if (decision is null ? !policy.CanCancel(principal, parties) : !policy.CanDecide(principal, parties.ResourceOrganisationId))
        {
            return Payload.Fail("booking", UserError.Forbidden(decision is null
                ? "Only the booker, the booking organisation's admins and the resource's managers may cancel this booking."
                : "Only resource managers of the resource's organisation may approve or decline its bookings."));
        }
        var result = decision is null
            ? await commands.CancelBookingAsync(bookingId, input.GetValueOrDefault("reason") as string, ct).ConfigureAwait(false)
            : await commands.DecideBookingAsync(bookingId, decision == "APPROVE", accountId, input.GetValueOrDefault("note") as string, ct).ConfigureAwait(false);
        return ToPayload(result);
    }

    private static Dictionary<string, object?> ToPayload(BookingResult result) =>
        result.Booking is { } booking
            ? Payload.Ok("booking", NodeResolvers.BookingRow(booking))
            : Payload.Fail("booking", ToUserError(result.Failure!));

    /// <summary>Maps the data layer's typed failure to the contract's <c>UserErrorCode</c> and input path.</summary>
    public static UserError ToUserError(BookingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (code, field) = failure.Code switch
        {
            UnknownResource => (UserErrorCodes.NotFound, "resourceId"),
            UnknownSlot when failure.Message.Contains("cancelled", StringComparison.Ordinal) => (UserErrorCodes.SlotUnavailable, "slotId"),
            UnknownSlot => (UserErrorCodes.NotFound, "slotId"),
            UnknownBooking => (UserErrorCodes.NotFound, "bookingId"),
            UnknownOrganisation => (UserErrorCodes.NotFound, "organisationId"),
            UnknownAccount => (UserErrorCodes.Unauthenticated, null),
            SlotFull or CapacityExceeded => (UserErrorCodes.CapacityExceeded, "quantity"),
            Overlap => (UserErrorCodes.OverlappingBooking, "start"),
            RequirementNotMet => (UserErrorCodes.RequirementsNotConfirmed, "confirmedRequirements"),
            DeploymentLocationRequired => (UserErrorCodes.DeploymentLocationRequired, "deploymentLocation"),
            // The data layer reports duration and slot bounds as INVALID_PERIOD; its messages tell them apart.
            InvalidPeriod when failure.Message.StartsWith("A booking of this resource lasts", StringComparison.Ordinal) => (UserErrorCodes.InvalidDuration, "end"),
            InvalidPeriod when failure.Message.StartsWith("The period must lie inside the slot", StringComparison.Ordinal) => (UserErrorCodes.OutsideAvailability, "start"),
            InvalidPeriod => (UserErrorCodes.InvalidPeriod, "end"),
            InvalidQuantity => (UserErrorCodes.InvalidInput, "quantity"),
            DeclineReasonRequired => (UserErrorCodes.DeclineReasonRequired, "note"),
            InvalidArgument when failure.Message.StartsWith("The decision note", StringComparison.Ordinal) => (UserErrorCodes.InvalidInput, "note"),
            InvalidState or BookingExpired => (UserErrorCodes.InvalidTransition, null),
            InvalidSeriesLength => (UserErrorCodes.InvalidSeriesLength, "weeks"),
            UnknownSeries => (UserErrorCodes.NotFound, "seriesId"),
            OutsideAvailability => (UserErrorCodes.OutsideAvailability, "start"),
            IdempotencyConflict => (UserErrorCodes.IdempotencyConflict, "idempotencyKey"),
            ConcurrentUpdate => (UserErrorCodes.ConcurrentUpdate, null),
            _ => (UserErrorCodes.InvalidInput, (string?)null),
        };
        return new UserError(code, failure.Message, field is null ? null : ["input", field]);
    }
}
