namespace MakerMap.Data.Bookings;

/// <summary>Stable codes of booking failures (API <c>extensions.code</c>).</summary>
public static class BookingErrorCodes
{
    /// <summary>No resource with that id.</summary>
    public const string UnknownResource = "UNKNOWN_RESOURCE";

    /// <summary>No slot with that id for that resource, or the slot is cancelled.</summary>
    public const string UnknownSlot = "UNKNOWN_SLOT";

    /// <summary>No booking with that id.</summary>
    public const string UnknownBooking = "UNKNOWN_BOOKING";

    /// <summary>The organisation does not exist.</summary>
    public const string UnknownOrganisation = "UNKNOWN_ORGANISATION";

    /// <summary>The account does not exist.</summary>
    public const string UnknownAccount = "UNKNOWN_ACCOUNT";

    /// <summary>The slot's remaining capacity is smaller than the quantity.</summary>
    public const string SlotFull = "SLOT_FULL";

    /// <summary>A shared resource has too few units left in the period (bookings outside slots).</summary>
    public const string CapacityExceeded = "CAPACITY_EXCEEDED";

    /// <summary>An exclusive resource is already booked in (part of) the period.</summary>
    public const string Overlap = "OVERLAP";

    /// <summary>The booker did not confirm every requirement; see <see cref="BookingFailure.MissingRequirements"/>.</summary>
    public const string RequirementNotMet = "REQUIREMENT_NOT_MET";

    /// <summary>A mobile resource needs a deployment location.</summary>
    public const string DeploymentLocationRequired = "DEPLOYMENT_LOCATION_REQUIRED";

    /// <summary>End not after start, too short or too long, outside the slot, or in the past.</summary>
    public const string InvalidPeriod = "INVALID_PERIOD";

    /// <summary>Quantity below 1 or above the capacity.</summary>
    public const string InvalidQuantity = "INVALID_QUANTITY";

    /// <summary>A request was declined without a reason for the booker (blank or missing note).</summary>
    public const string DeclineReasonRequired = "DECLINE_REASON_REQUIRED";

    /// <summary>Another argument is malformed (key length, purpose length, coordinates).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>The booking's status does not allow the change (e.g. cancelling a declined booking).</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>The request expired before it was decided.</summary>
    public const string BookingExpired = "BOOKING_EXPIRED";

    /// <summary>The period is not inside the bookable availability slots of a resource that has availability schedules.</summary>
    public const string OutsideAvailability = "OUTSIDE_AVAILABILITY";

    /// <summary>The caller used the idempotency key before for a different request.</summary>
    public const string IdempotencyConflict = "IDEMPOTENCY_CONFLICT";

    /// <summary>Concurrent writes kept colliding (deadlock or serialization failure) after every retry; nothing was written.</summary>
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    /// <summary>A series has fewer than 2 or more than 52 weeks.</summary>
    public const string InvalidSeriesLength = "INVALID_SERIES_LENGTH";

    /// <summary>No series with that id.</summary>
    public const string UnknownSeries = "UNKNOWN_SERIES";
}

/// <summary>Why a booking command did not go through.</summary>
/// <param name="Code">One of <see cref="BookingErrorCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="MissingRequirements">For <see cref="BookingErrorCodes.RequirementNotMet"/>: the codes not confirmed.</param>
public sealed record BookingFailure(string Code, string Message, IReadOnlyList<string> MissingRequirements)
{
    /// <summary>A failure without missing requirements.</summary>
    public BookingFailure(string code, string message) : this(code, message, [])
    {
    }
}

/// <summary>The outcome of a booking command: a booking or a typed failure, never an exception for bad input.</summary>
public sealed record BookingResult
{
    private BookingResult(Booking? booking, bool wasReplay, BookingFailure? failure)
    {
        Booking = booking;
        WasReplay = wasReplay;
        Failure = failure;
    }

    /// <summary>The booking, when the command succeeded.</summary>
    public Booking? Booking { get; }

    /// <summary>True when an earlier request with the same idempotency key made <see cref="Booking"/>.</summary>
    public bool WasReplay { get; }

    /// <summary>Why the command failed.</summary>
    public BookingFailure? Failure { get; }

    /// <summary>Whether <see cref="Booking"/> is set.</summary>
    public bool Succeeded => Booking is not null;

    /// <summary>A success.</summary>
    public static BookingResult Success(Booking booking, bool wasReplay = false) => new(booking, wasReplay, null);

    /// <summary>A failure.</summary>
    public static BookingResult Fail(BookingFailure failure) => new(null, false, failure);

    /// <summary>A failure without missing requirements.</summary>
    public static BookingResult Fail(string code, string message) => new(null, false, new BookingFailure(code, message));
}
