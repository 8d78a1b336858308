using MakerMap.Data;

namespace MakerMap.Api.Schema;

/// <summary>
/// Reading the ids and optional fields of mutation inputs, and turning the data layer's
/// <see cref="CommandError"/> into a payload <see cref="UserError"/>. A malformed global id is
/// <c>INVALID_INPUT</c>; one of the wrong type names nothing, so it is <c>NOT_FOUND</c>.
/// </summary>
public static class MutationInput
{
    /// <summary>Decodes the required id <paramref name="field"/> of type <paramref name="type"/>.</summary>
    public static bool TryId(IReadOnlyDictionary<string, object?> input, string field, string type, out Guid id, out UserError? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        id = Guid.Empty;
        error = null;
        if (input.GetValueOrDefault(field) is not string text)
        {
            error = new UserError(UserErrorCodes.InvalidInput, $"\"{field}\" is required.", ["input", field]);
            return false;
        }
        if (!GlobalId.TryDecode(text, out var actual, out var uuid))
        {
            error = new UserError(UserErrorCodes.InvalidInput, $"\"{field}\" is not a valid global id.", ["input", field]);
            return false;
        }
        if (actual != type)
        {
            error = new UserError(UserErrorCodes.NotFound, $"\"{field}\" does not name a {type}.", ["input", field]);
            return false;
        }
        id = uuid;
        return true;
    }

    /// <summary>Decodes the optional id <paramref name="field"/> of type <paramref name="type"/> (null when left out).</summary>
    public static bool TryOptionalId(IReadOnlyDictionary<string, object?> input, string field, string type, out Guid? id, out UserError? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        id = null;
        error = null;
        if (input.GetValueOrDefault(field) is null)
        {
            return true;
        }
        if (!TryId(input, field, type, out var value, out error))
        {
            return false;
        }
        id = value;
        return true;
    }

    /// <summary>A field that was given (possibly as null), or null when it was left out.</summary>
    public static Change<T>? Changed<T>(IReadOnlyDictionary<string, object?> input, string field, Func<object?, T> convert)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(convert);
        return input.TryGetValue(field, out var value) ? new Change<T>(convert(value)) : null;
    }

    /// <summary>An enum value as the database spells it (lower case), or null.</summary>
    public static string? Enum(object? value) => (value as string)?.ToLowerInvariant();

    /// <summary>A list of strings (enum values lower-cased when <paramref name="lower"/>), or null.</summary>
    public static IReadOnlyList<string>? Strings(object? value, bool lower = false) =>
        value is IEnumerable<object?> items && value is not string
            ? [.. items.OfType<string>().Select(s => lower ? s.ToLowerInvariant() : s)]
            : null;

    /// <summary>The payload error for a failed command; its field becomes a path under <c>input</c>.</summary>
    public static UserError ToUserError(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new UserError(error.Code, error.Message, error.Field is null ? null : ["input", .. error.Field.Split('.')]);
    }
}
