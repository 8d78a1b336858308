using NetTopologySuite.Geometries;

namespace MakerMap.Data.Bookings;

/// <summary>A claim on a resource for the half-open period [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Id">Primary key.</param>
/// <param name="ResourceId">The booked resource.</param>
/// <param name="SlotId">The slot, when the booking takes (part of) a slot's capacity.</param>
/// <param name="Start">Inclusive start (UTC).</param>
/// <param name="End">Exclusive end (UTC).</param>
/// <param name="Quantity">Units booked.</param>
/// <param name="OrganisationId">Organisation the booking is for.</param>
/// <param name="BookedBy">Account that made the request.</param>
/// <param name="Status">One of <see cref="BookingStatus"/>.</param>
/// <param name="Purpose">What the booker wants to do.</param>
/// <param name="DeploymentLocation">Where a mobile resource will stand (WGS 84).</param>
/// <param name="DeploymentAddress">Address of <paramref name="DeploymentLocation"/>.</param>
/// <param name="ConfirmedRequirements">Requirement codes the booker confirmed.</param>
/// <param name="IdempotencyKey">The client's key for safe retries.</param>
/// <param name="ExpiresAt">When an undecided request expires.</param>
/// <param name="DecidedBy">Who approved or declined the request.</param>
/// <param name="DecidedAt">When it was approved or declined.</param>
/// <param name="DecisionNote">Note given with the decision.</param>
/// <param name="CreatedAt">When the booking was made.</param>
public sealed record Booking(
    Guid Id,
    Guid ResourceId,
    Guid? SlotId,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Quantity,
    Guid? OrganisationId,
    Guid? BookedBy,
    string Status,
    string? Purpose,
    Point? DeploymentLocation,
    string? DeploymentAddress,
    IReadOnlyList<string> ConfirmedRequirements,
    string? IdempotencyKey,
    DateTimeOffset? ExpiresAt,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    DateTimeOffset CreatedAt);

/// <summary>Values of <c>bookings.status</c>.</summary>
public static class BookingStatus
{
    /// <summary>Waiting for the resource manager; holds capacity until it expires.</summary>
    public const string Requested = "requested";

    /// <summary>Approved (or auto-confirmed); holds capacity.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Declined by the resource manager.</summary>
    public const string Declined = "declined";

    /// <summary>Cancelled by the booker or a manager.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nobody decided before <see cref="Booking.ExpiresAt"/>.</summary>
    public const string Expired = "expired";

    /// <summary>Took place.</summary>
    public const string Completed = "completed";

    /// <summary>
    /// Waiting for units of a full period; holds nothing. The database promotes it (oldest first) to
    /// <see cref="Confirmed"/> or <see cref="Requested"/> when units free up; it expires at its start.
    /// </summary>
    public const string Waitlisted = "waitlisted";
}

/// <summary>Arguments of <see cref="BookingCommands.RequestBookingAsync"/>.</summary>
public sealed record RequestBookingCommand
{
    /// <summary>The resource to book.</summary>
    public required Guid ResourceId { get; init; }

    /// <summary>A slot of the resource; without <see cref="Start"/>/<see cref="End"/> the whole slot.</summary>
    public Guid? SlotId { get; init; }

    /// <summary>Inclusive start; required without a slot.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Exclusive end; required without a slot.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Units to book (1..10000).</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>Organisation the booking is for.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>Account making the request.</summary>
    public Guid? BookedBy { get; init; }

    /// <summary>What the booker wants to do (at most 2000 characters).</summary>
    public string? Purpose { get; init; }

    /// <summary>Longitude of where a mobile resource will stand.</summary>
    public double? DeploymentLongitude { get; init; }

    /// <summary>Latitude of where a mobile resource will stand.</summary>
    public double? DeploymentLatitude { get; init; }

    /// <summary>Address of the deployment location.</summary>
    public string? DeploymentAddress { get; init; }

    /// <summary>Requirement codes the booker confirms to meet (van, tow_hitch, ...).</summary>
    public IReadOnlyCollection<string> ConfirmedRequirements { get; init; } = [];

    /// <summary>Client key (1..200 characters): a retry with the same key returns the first booking.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>When the period is full, store the request as <see cref="BookingStatus.Waitlisted"/> instead of failing.</summary>
    public bool JoinWaitlistIfFull { get; init; }
}
