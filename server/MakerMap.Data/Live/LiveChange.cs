using System.Globalization;
using System.Text.Json;

namespace MakerMap.Data.Live;

/// <summary>What changed, as the database announced it on <see cref="LiveChangeListener.Channel"/> (migration 0010).</summary>
/// <param name="ResourceId">The resource whose availability may have changed.</param>
/// <param name="BookingId">The booking that changed, or null when slots changed.</param>
/// <param name="Start">Start of the affected period.</param>
/// <param name="End">End of the affected period (exclusive).</param>
public sealed record LiveChange(Guid ResourceId, Guid? BookingId, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// Reads a notification payload: <c>{"kind": "booking"|"slots", "bookingId", "resourceId", "start", "end"}</c>.
    /// False for anything else, so a foreign or malformed notification is skipped rather than fatal.
    /// </summary>
    public static bool TryParse(string payload, out LiveChange change)
    {
        change = null!;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("resourceId", out var resource) || !resource.TryGetGuid(out var resourceId)
                || !TryGetInstant(root, "start", out var start) || !TryGetInstant(root, "end", out var end))
            {
                return false;
            }
            Guid? bookingId = root.TryGetProperty("bookingId", out var booking) && booking.TryGetGuid(out var id) ? id : null;
            change = new LiveChange(resourceId, bookingId, start, end);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryGetInstant(JsonElement root, string name, out DateTimeOffset value)
    {
        value = default;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
