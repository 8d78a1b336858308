using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MakerMap.Data.Internal;

/// <summary>
/// Checks shared by the management commands. Each returns null when the value is acceptable and a
/// <see cref="CommandError"/> naming the field otherwise, so a command can stop before it writes.
/// </summary>
internal static partial class InputRules
{
    /// <summary>Longest slug we accept; slugs end up in URLs.</summary>
    public const int MaxSlugLength = 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugRun();

    /// <summary>Text that must be present: trimmed, 1 to <paramref name="max"/> characters.</summary>
    public static CommandError? Required(string? value, int max, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? Invalid(field, $"\"{field}\" must not be empty.")
            : Optional(value, max, field);

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public static CommandError? Optional(string? value, int max, string field) =>
        value is { } text && text.Length > max ? Invalid(field, $"\"{field}\" must have at most {max} characters, got {text.Length}.") : null;

    /// <summary>An optional e-mail address: something@something, at most 320 characters.</summary>
    public static CommandError? Email(string? value, string field) =>
        value is null ? null
        : value.Length > 320 || value.IndexOf('@', StringComparison.Ordinal) is var at && (at < 1 || at == value.Length - 1) || value.Any(char.IsWhiteSpace)
            ? Invalid(field, $"\"{field}\" must be an e-mail address such as info@example.org.")
            : null;

    /// <summary>An optional absolute http(s) URL of at most 2,000 characters.</summary>
    public static CommandError? Url(string? value, string field) =>
        value is null ? null
        : value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : Invalid(field, $"\"{field}\" must be an http or https URL.");

    /// <summary>An int in [min, max].</summary>
    public static CommandError? Range(int value, int min, int max, string field) =>
        value < min || value > max ? Invalid(field, $"\"{field}\" must be between {min} and {max}, got {value}.") : null;

    /// <summary>A value from a fixed vocabulary (the database's CHECK constraint).</summary>
    public static CommandError? OneOf(string? value, IReadOnlySet<string> allowed, string field) =>
        value is not null && allowed.Contains(value)
            ? null
            : Invalid(field, $"\"{field}\" must be one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");

    /// <summary>Every value from a fixed vocabulary.</summary>
    public static CommandError? AllOf(IReadOnlyCollection<string> values, IReadOnlySet<string> allowed, string field) =>
        values.FirstOrDefault(v => !allowed.Contains(v)) is { } bad
            ? Invalid(field, $"\"{field}\" contains '{bad}'; allowed are {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.")
            : null;

    /// <summary>A WGS 84 point.</summary>
    public static CommandError? Point(double longitude, double latitude, string field) =>
        !double.IsFinite(longitude) || longitude is < -180 or > 180
            ? new CommandError(CommandErrorCodes.InvalidCoordinates,
                string.Create(CultureInfo.InvariantCulture, $"The longitude must be between -180 and 180 degrees, got {longitude}."), field + ".longitude")
        : !double.IsFinite(latitude) || latitude is < -90 or > 90
            ? new CommandError(CommandErrorCodes.InvalidCoordinates,
                string.Create(CultureInfo.InvariantCulture, $"The latitude must be between -90 and 90 degrees, got {latitude}."), field + ".latitude")
        : null;

    /// <summary>A slug given by the caller.</summary>
    public static CommandError? Slug(string? value, string field = "slug") =>
        value is null || (value.Length <= MaxSlugLength && SlugPattern().IsMatch(value))
            ? null
            : Invalid(field, $"\"{field}\" must be lowercase letters, digits and hyphens, starting with a letter or digit, at most {MaxSlugLength} characters.");

    /// <summary>
    /// A slug made from a name: accents dropped (é → e), everything else that is not a letter or digit
    /// turned into single hyphens. A name without any letter or digit gives <paramref name="fallback"/>.
    /// </summary>
    public static string SlugFrom(string name, string fallback)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                ascii.Append(char.ToLowerInvariant(c));
            }
        }
        var slug = NonSlugRun().Replace(ascii.ToString(), "-").Trim('-');
        if (slug.Length > MaxSlugLength - 4)
        {
            slug = slug[..(MaxSlugLength - 4)].TrimEnd('-');
        }
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>An <see cref="CommandErrorCodes.InvalidInput"/> error.</summary>
    public static CommandError Invalid(string field, string message) => new(CommandErrorCodes.InvalidInput, message, field);

    /// <summary>The first error of several checks, or null.</summary>
    public static CommandError? First(params CommandError?[] errors) => errors.FirstOrDefault(e => e is not null);
}
