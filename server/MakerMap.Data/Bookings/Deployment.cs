namespace MakerMap.Data.Bookings;

/// <summary>Where a mobile resource stands during a confirmed booking; <c>[Start, End)</c>.</summary>
/// <param name="Start">Start of the booking (inclusive).</param>
/// <param name="End">End of the booking (exclusive).</param>
/// <param name="Longitude">WGS 84 longitude of the deployment location.</param>
/// <param name="Latitude">WGS 84 latitude of the deployment location.</param>
/// <param name="Address">The address the booker gave, if any.</param>
public sealed record Deployment(DateTimeOffset Start, DateTimeOffset End, double Longitude, double Latitude, string? Address);
