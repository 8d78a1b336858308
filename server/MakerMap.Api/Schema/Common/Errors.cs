using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Schema;

/// <summary>
/// How the API reports problems. Queries fail with GraphQL errors whose <c>extensions.code</c> is
/// <c>BAD_USER_INPUT</c>, <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c>; bad input also carries
/// <c>extensions.reason</c> (a <c>UserErrorCode</c> such as <c>INVALID_COORDINATES</c>) and
/// <c>extensions.field</c>. Mutations never throw for caller mistakes: they return
/// <see cref="UserError"/>s in their payload, authorisation failures included.
/// </summary>
public static class Errors
{
    /// <summary>A <c>BAD_USER_INPUT</c> error with a <c>UserErrorCode</c> reason and the offending field path.</summary>
    public static GraphQLException BadInput(string message, string reason, params string[] field) =>
        new(message, ErrorCodes.BadUserInput, new Dictionary<string, object?>
        {
            ["reason"] = reason,
            ["field"] = field.Length == 0 ? null : field,
        });
}

/// <summary>A <c>UserError</c> of a mutation payload.</summary>
/// <param name="Code">A <c>UserErrorCode</c> value.</param>
/// <param name="Message">A sentence safe to show to the user.</param>
/// <param name="Field">The path to the offending input field, or null.</param>
public sealed record UserError(string Code, string Message, IReadOnlyList<string>? Field = null)
{
    /// <summary>The caller is not signed in.</summary>
    public static UserError Unauthenticated() => new(UserErrorCodes.Unauthenticated, "Sign in first.");

    /// <summary>The caller may not do this.</summary>
    public static UserError Forbidden(string message) => new(UserErrorCodes.Forbidden, message);
}

/// <summary>Builds mutation payloads: the result under its field name plus <c>errors</c>.</summary>
public static class Payload
{
    /// <summary>A successful payload.</summary>
    public static Dictionary<string, object?> Ok(string field, object? value) =>
        new(StringComparer.Ordinal) { [field] = value, ["errors"] = Array.Empty<UserError>() };

    /// <summary>A failed payload with one error.</summary>
    public static Dictionary<string, object?> Fail(string field, UserError error) =>
        new(StringComparer.Ordinal) { [field] = null, ["errors"] = new[] { error } };
}
