namespace MakerMap.Data.Places.OpeningHours;

/// <summary>Why an <c>opening_hours</c> value did not parse.</summary>
/// <param name="Position">Zero-based offset in the value where parsing stopped.</param>
/// <param name="Expected">What the parser expected there, e.g. <c>a time like 09:00</c>.</param>
/// <param name="Found">What it found: a quoted excerpt, or <c>end of input</c>.</param>
public sealed record OpeningHoursError(int Position, string Expected, string Found)
{
    /// <summary>The stable error code, for API error extensions.</summary>
    public const string Code = "INVALID_OPENING_HOURS";

    /// <summary>The message, e.g. <c>Invalid opening_hours at position 6: expected a time like 09:00, found "9h".</c></summary>
    public string Message => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Invalid opening_hours at position {Position}: expected {Expected}, found {Found}.");

    /// <summary>The error as a <see cref="DataValidationException"/> for the field <c>openingHours</c>.</summary>
    public DataValidationException ToException() => new("openingHours", Message, Code);
}
