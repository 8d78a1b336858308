using System.Text;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Schema;

/// <summary>
/// Relay global ids: base64 of <c>Type:uuid</c>. A malformed id (not base64, no colon, not a uuid)
/// is a client mistake and fails with <c>BAD_USER_INPUT</c>; a well-formed id of an unknown object
/// resolves to null where the SDL allows it.
/// </summary>
public static class GlobalId
{
    /// <summary>The global id of <paramref name="id"/> as an object of <paramref name="typeName"/>.</summary>
    public static string Encode(string typeName, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + id.ToString("D")));

    /// <summary>Splits a global id into its type name and uuid, or returns false when it is malformed.</summary>
    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }
        var buffer = new byte[globalId.Length];
        if (!Convert.TryFromBase64String(globalId, buffer, out var written))
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "D", out id))
        {
            return false;
        }
        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes any global id; throws <c>BAD_USER_INPUT</c> when malformed.</summary>
    public static (string TypeName, Guid Id) Decode(string? globalId, string argument)
    {
        if (!TryDecode(globalId, out var typeName, out var id))
        {
            throw Errors.BadInput($"\"{argument}\" is not a valid global id.", UserErrorCodes.InvalidInput, argument);
        }
        return (typeName, id);
    }

    /// <summary>
    /// Decodes a global id that must name a <paramref name="typeName"/>. Malformed ids throw
    /// <c>BAD_USER_INPUT</c>; ids of another type give null (they name no object of this type).
    /// </summary>
    public static Guid? DecodeAs(string? globalId, string typeName, string argument)
    {
        var (actual, id) = Decode(globalId, argument);
        return string.Equals(actual, typeName, StringComparison.Ordinal) ? id : null;
    }

    /// <summary>Decodes the optional argument <paramref name="argument"/> of the field being resolved.</summary>
    public static Guid? ArgumentAs(ResolveContext context, string argument, string typeName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Arguments.GetValueOrDefault(argument) is string value ? DecodeAs(value, typeName, argument) : null;
    }
}
