using System.Collections.Frozen;

namespace MakerMap.Api.Schema;

/// <summary>
/// What every text a caller sends must satisfy, over GraphQL (<see cref="TextInputGuard"/>) and REST
/// (<c>/auth/*</c>) alike: no control characters (PostgreSQL refuses U+0000 in <c>text</c>, and the
/// others have no place in names, searches or addresses; tab, line feed and carriage return are
/// allowed in the multi-line fields), no unpaired UTF-16 surrogate (it cannot be encoded as UTF-8),
/// and at most the field's length. The lengths match the data layer's checks and migration 0016's CHECK
/// constraints; this is the cheap first gate that keeps a long search from reaching the database at all.
/// </summary>
public static class TextInputRules
{
    /// <summary>The <c>UserErrorCode</c> and <c>extensions.reason</c> of a refused text.</summary>
    public const string InvalidInput = UserErrorCodes.InvalidInput;

    /// <summary>Characters allowed in a field that is not named in the table below.</summary>
    public const int DefaultMaxLength = 1000;

    /// <summary>Items allowed in a list input (ids, languages, requirements, excluded dates).</summary>
    public const int MaxListItems = 100;

    /// <summary>Search texts (<c>areas(search:)</c>, <c>PlaceFilter.text</c>): matching costs time per character.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>A booking's deployment address (migration 0016 holds the column to the same).</summary>
    public const int MaxDeploymentAddressLength = 500;

    // Longest text per argument or input field name (the same name means the same kind of value in
    // every input type of the contract). Unlisted names get DefaultMaxLength.
    private static readonly FrozenDictionary<string, int> MaxLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["search"] = MaxSearchLength,
        ["text"] = MaxSearchLength,
        ["slug"] = 100,
        ["name"] = 300,
        ["displayName"] = 200,
        ["title"] = 200,
        ["email"] = 320,
        ["password"] = 1024,
        ["website"] = 2000,
        ["phone"] = 50,
        ["description"] = 5000,
        ["locationNote"] = 1000,
        ["openingHours"] = 500,
        ["street"] = 200,
        ["postalCode"] = 20,
        ["locality"] = 100,
        ["municipalityCode"] = 20,
        ["countryCode"] = 2,
        ["purpose"] = 2000,
        ["deploymentAddress"] = MaxDeploymentAddressLength,
        ["note"] = 2000,
        ["reason"] = 2000,
        ["idempotencyKey"] = 200,
        ["code"] = 64,
        ["confirmedRequirements"] = 64,
        ["languages"] = 35,
        ["timeZone"] = 64,
        ["rrule"] = 500,
        ["tokenDescription"] = 200,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Free text that may span lines, so tab, line feed and carriage return are kept there.
    private static readonly FrozenSet<string> MultiLine = new[]
    {
        "description", "locationNote", "purpose", "deploymentAddress", "note", "reason",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest text accepted for <paramref name="field"/>.</summary>
    public static int MaxLength(string field) => MaxLengths.GetValueOrDefault(field, DefaultMaxLength);

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="field"/>, otherwise a message naming the problem.</summary>
    public static string? Check(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        var max = MaxLength(field);
        if (value.Length > max)
        {
            return $"\"{field}\" must have at most {max} characters, got {value.Length}.";
        }

        var multiLine = MultiLine.Contains(field);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
            {
                return $"\"{field}\" must not contain control characters (U+{(int)c:X4} at position {i}).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"\"{field}\" contains an unpaired UTF-16 surrogate at position {i}.";
            }
        }

        return null;
    }
}
