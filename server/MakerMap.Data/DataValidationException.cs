namespace MakerMap.Data;

/// <summary>
/// An argument of a query was out of range or malformed. <see cref="Code"/> is stable and meant for
/// API error extensions (e.g. GraphQL <c>extensions.code</c>); <see cref="Field"/> names the argument.
/// </summary>
public sealed class DataValidationException : Exception
{
    /// <summary>The code used for arguments outside their allowed range or vocabulary.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>Creates the exception.</summary>
    public DataValidationException(string field, string message, string code = InvalidArgument)
        : base(message)
    {
        Field = field;
        Code = code;
    }

    /// <summary>Stable error code, <see cref="InvalidArgument"/> unless stated otherwise.</summary>
    public string Code { get; }

    /// <summary>The offending argument, e.g. <c>latitude</c>.</summary>
    public string Field { get; }
}
