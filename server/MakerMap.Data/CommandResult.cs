namespace MakerMap.Data;

/// <summary>
/// The codes of <see cref="CommandError"/>. They are the contract's <c>UserErrorCode</c> values on
/// purpose: a management command fails for reasons the caller can correct, and the API passes them on
/// unchanged.
/// </summary>
public static class CommandErrorCodes
{
    /// <summary>An id or e-mail address names nothing.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A value is malformed or out of range.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A longitude or latitude is out of range.</summary>
    public const string InvalidCoordinates = "INVALID_COORDINATES";

    /// <summary>The slug is used already.</summary>
    public const string SlugTaken = "SLUG_TAKEN";

    /// <summary>The object is still referenced (resources at a place, live bookings).</summary>
    public const string InUse = "IN_USE";

    /// <summary>The change would leave an organisation without an admin.</summary>
    public const string LastAdmin = "LAST_ADMIN";

    /// <summary>Concurrent writes kept colliding after every retry; nothing was written and the same request may succeed now.</summary>
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";
}

/// <summary>Why a command wrote nothing.</summary>
/// <param name="Code">One of <see cref="CommandErrorCodes"/>.</param>
/// <param name="Message">A sentence safe to show to the user.</param>
/// <param name="Field">The input field at fault (e.g. <c>slug</c>, <c>location.latitude</c>), or null.</param>
public sealed record CommandError(string Code, string Message, string? Field = null);

/// <summary>The outcome of a command: its value, or the error that stopped it before anything was written.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value when the command succeeded.</param>
/// <param name="Error">The error when it did not.</param>
public sealed record CommandResult<T>(T? Value, CommandError? Error)
{
    /// <summary>Whether the command succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Lets a value stand for a successful result.</summary>
    public static implicit operator CommandResult<T>(T value) => new(value, null);

    /// <summary>Lets a <see cref="CommandError"/> stand for a failed result.</summary>
    public static implicit operator CommandResult<T>(CommandError error) => new(default, error);
}

/// <summary>
/// A field of an update: <c>null</c> (no <see cref="Change{T}"/>) leaves the stored value alone, a
/// <see cref="Change{T}"/> sets it to <see cref="Value"/>, which may itself be null to clear it.
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
/// <param name="Value">The new value.</param>
public readonly record struct Change<T>(T Value);
