using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Bookings;

/// <summary>The resource's rules as read for one request.</summary>
internal sealed record ResourceRules(
    int Capacity, bool IsExclusive, bool IsMobile, bool RequiresApproval,
    TimeSpan MinBooking, TimeSpan MaxBooking, TimeSpan ApprovalTimeout, string[] RequirementCodes);

/// <summary>A slot as read for one request.</summary>
internal sealed record SlotRules(DateTimeOffset Start, DateTimeOffset End, int Capacity, bool IsCancelled);

/// <summary>The checks of a booking request, in the order their failures are reported.</summary>
internal static class BookingRules
{
    /// <summary>Checks that need no database: quantity, argument shapes, period shape.</summary>
    public static BookingFailure? CheckInput(RequestBookingCommand command)
    {
        if (command.Quantity is < 1 or > 10_000)
        {
            return new(InvalidQuantity, $"Quantity must be between 1 and 10000, got {command.Quantity}.");
        }
        if (command.IdempotencyKey is { Length: < 1 or > 200 })
        {
            return new(InvalidArgument, "The idempotency key must be 1 to 200 characters long.");
        }
        if (command.Purpose is { Length: > 2000 })
        {
            return new(InvalidArgument, "The purpose must be at most 2000 characters long.");
        }
        if (command.DeploymentAddress is { Length: > 500 })
        {
            return new(InvalidArgument, "The deployment address must be at most 500 characters long.");
        }
        if (command.DeploymentLongitude.HasValue != command.DeploymentLatitude.HasValue)
        {
            return new(InvalidArgument, "Give both the deployment longitude and latitude, or neither.");
        }
        if (command.DeploymentLongitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            return new(InvalidArgument, $"The deployment longitude must be between -180 and 180 degrees, got {lon}.");
        }
        if (command.DeploymentLatitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            return new(InvalidArgument, $"The deployment latitude must be between -90 and 90 degrees, got {lat}.");
        }
        if (command.Start.HasValue != command.End.HasValue)
        {
            return new(InvalidPeriod, "Give both start and end, or neither (to book a whole slot).");
        }
        if (command.SlotId is null && command.Start is null)
        {
            return new(InvalidPeriod, "Give a slot or a start and an end.");
        }
        if (command.Start is { } start && command.End is { } end && end <= start)
        {
            return new(InvalidPeriod, $"The end ({end:O}) must be after the start ({start:O}).");
        }
        return null;
    }

    /// <summary>Decides the period and checks it, the quantity, requirements and deployment against the resource.</summary>
    public static BookingFailure? CheckAgainstResource(
        RequestBookingCommand command, ResourceRules resource, SlotRules? slot, DateTimeOffset now,
        out DateTimeOffset start, out DateTimeOffset end)
    {
        start = command.Start ?? slot?.Start ?? default;
        end = command.End ?? slot?.End ?? default;
        var capacity = slot?.Capacity ?? resource.Capacity;
        if (command.Quantity > capacity)
        {
            return new(InvalidQuantity, $"Quantity {command.Quantity} is more than this resource can ever give at once ({capacity}).");
        }
        if (slot is not null)
        {
            if (start < slot.Start || end > slot.End)
            {
                return new(InvalidPeriod, $"The period must lie inside the slot [{slot.Start:O}, {slot.End:O}).");
            }
        }
        else
        {
            var length = end - start;
            if (length < resource.MinBooking || length > resource.MaxBooking)
            {
                return new(InvalidPeriod,
                    $"A booking of this resource lasts from {resource.MinBooking} to {resource.MaxBooking}, not {length}.");
            }
        }
        if (end <= now || (slot is null && start < now))
        {
            return new(InvalidPeriod, "The period lies in the past.");
        }
        var missing = resource.RequirementCodes.Except(command.ConfirmedRequirements, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return new(RequirementNotMet, $"Confirm these requirements first: {string.Join(", ", missing)}.", missing);
        }
        if (resource.IsMobile && command.DeploymentLongitude is null)
        {
            return new(DeploymentLocationRequired, "This resource is mobile: say where it will stand (deployment location).");
        }
        return null;
    }
}
