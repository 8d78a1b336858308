using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakerMap.Data.Bookings;

/// <summary>
/// A hash of everything a booking request asks for, stored with the booking, so that a reused
/// idempotency key can tell a retry of the same request (replayed) from a different request
/// (<see cref="BookingErrorCodes.IdempotencyConflict"/>).
/// </summary>
internal static class RequestFingerprint
{
    public static byte[] Of(RequestBookingCommand command)
    {
        // One field per line, each written invariantly; the line breaks keep "ab"+"c" apart from "a"+"bc".
        var text = new StringBuilder()
            .AppendLine(command.ResourceId.ToString())
            .AppendLine(command.SlotId?.ToString())
            .AppendLine(Instant(command.Start))
            .AppendLine(Instant(command.End))
            .AppendLine(command.Quantity.ToString(CultureInfo.InvariantCulture))
            .AppendLine(command.OrganisationId?.ToString())
            .AppendLine(command.BookedBy?.ToString())
            .AppendLine(Escape(command.Purpose))
            .AppendLine(command.DeploymentLongitude?.ToString("R", CultureInfo.InvariantCulture))
            .AppendLine(command.DeploymentLatitude?.ToString("R", CultureInfo.InvariantCulture))
            .AppendLine(Escape(command.DeploymentAddress))
            .AppendJoin(',', command.ConfirmedRequirements.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Escape))
            .ToString();
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    private static string? Instant(DateTimeOffset? value) =>
        value?.UtcTicks.ToString(CultureInfo.InvariantCulture);

    // Free text may hold line breaks and commas; escaping keeps one field from reading as two.
    private static string? Escape(string? value) =>
        value?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);
}
