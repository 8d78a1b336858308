namespace MakerMap.Api.Schema;

/// <summary>
/// The contract's <c>UserErrorCode</c> values (schema/makermap.graphql), as the API writes them: payload
/// <c>errors[].code</c> of mutations, <c>extensions.reason</c> of query errors and the <c>code</c> of REST
/// error bodies. A test keeps this list and the SDL's enum equal.
/// </summary>
public static class UserErrorCodes
{
    /// <summary>The operation needs a signed-in account.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The signed-in account may not do this (see the role model on Role).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>An id does not name an existing object of the expected type.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A value is malformed or out of range; field points to it.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A longitude is outside [-180, 180] or a latitude outside [-90, 90].</summary>
    public const string InvalidCoordinates = "INVALID_COORDINATES";

    /// <summary>A GeoJSON value is not a valid geometry of the expected type, or is too large.</summary>
    public const string InvalidGeometry = "INVALID_GEOMETRY";

    /// <summary>A coverage report would weigh more sub-areas × candidate places than the server allows; choose a smaller area, a coarser row level or narrower filters.</summary>
    public const string CoverageTooLarge = "COVERAGE_TOO_LARGE";

    /// <summary>A period ends before (or when) it starts, or lies too far in the past or future.</summary>
    public const string InvalidPeriod = "INVALID_PERIOD";

    /// <summary>An account with this e-mail address exists already (addresses are compared case-insensitively).</summary>
    public const string EmailTaken = "EMAIL_TAKEN";

    /// <summary>The password does not meet the rules (at least 10 characters).</summary>
    public const string WeakPassword = "WEAK_PASSWORD";

    /// <summary>The e-mail address and password do not match an account.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";

    /// <summary>Too many sign-in attempts from this client or for this e-mail address; try again in a few minutes.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The slug is used by another object already.</summary>
    public const string SlugTaken = "SLUG_TAKEN";

    /// <summary>The account is a member of the organisation already.</summary>
    public const string AlreadyMember = "ALREADY_MEMBER";

    /// <summary>The change would leave the organisation without an admin.</summary>
    public const string LastAdmin = "LAST_ADMIN";

    /// <summary>The requested period is not inside one of the resource's availability slots.</summary>
    public const string OutsideAvailability = "OUTSIDE_AVAILABILITY";

    /// <summary>The booking is shorter than the resource's minimum or longer than its maximum.</summary>
    public const string InvalidDuration = "INVALID_DURATION";

    /// <summary>Not enough capacity is left in the slot or period.</summary>
    public const string CapacityExceeded = "CAPACITY_EXCEEDED";

    /// <summary>The resource is exclusive and another live booking overlaps the period.</summary>
    public const string OverlappingBooking = "OVERLAPPING_BOOKING";

    /// <summary>The slot is cancelled or has ended.</summary>
    public const string SlotUnavailable = "SLOT_UNAVAILABLE";

    /// <summary>The resource is mobile and the booking has no deploymentLocation.</summary>
    public const string DeploymentLocationRequired = "DEPLOYMENT_LOCATION_REQUIRED";

    /// <summary>Not every requirement of the resource (van, tow hitch, training …) was confirmed.</summary>
    public const string RequirementsNotConfirmed = "REQUIREMENTS_NOT_CONFIRMED";

    /// <summary>You used this idempotency key before (for the same organisation) with a different request; a retry must repeat the request unchanged.</summary>
    public const string IdempotencyConflict = "IDEMPOTENCY_CONFLICT";

    /// <summary>The booking is not in a state that allows this (e.g. approving a cancelled booking).</summary>
    public const string InvalidTransition = "INVALID_TRANSITION";

    /// <summary>A request was declined without a reason (decideBooking's note is missing or blank); the booker is told the reason.</summary>
    public const string DeclineReasonRequired = "DECLINE_REASON_REQUIRED";

    /// <summary>The object is still referenced (e.g. a resource with live bookings) and cannot be deleted.</summary>
    public const string InUse = "IN_USE";

    /// <summary>Concurrent requests on the same data kept colliding with this one (the server retried); nothing was written. Send the same request again.</summary>
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    /// <summary>A booking series has fewer than 2 or more than 52 weeks (<c>RequestBookingSeriesInput.weeks</c>).</summary>
    public const string InvalidSeriesLength = "INVALID_SERIES_LENGTH";
}
