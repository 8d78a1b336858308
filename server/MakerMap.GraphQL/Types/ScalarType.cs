namespace MakerMap.GraphQL.Types;

/// <summary>
/// A scalar type. Built-in scalars follow the spec's coercion rules; custom scalars supply delegates.
/// Delegates report invalid values by throwing <see cref="ValueCoercionException"/> with a safe message.
/// </summary>
public class ScalarType : NamedType
{
    /// <summary>Creates a scalar type with custom coercion.</summary>
    /// <param name="name">The scalar name.</param>
    /// <param name="serialize">Result coercion: internal value → JSON-compatible value.</param>
    /// <param name="parseValue">Input coercion of variable values (plain CLR values from JSON).</param>
    /// <param name="parseLiteral">
    /// Input coercion of literals, given the literal already converted to a plain CLR value
    /// (objects as dictionaries, enums as strings); <see langword="null"/> reuses <paramref name="parseValue"/>.
    /// </param>
    /// <param name="description">The description.</param>
    /// <param name="specifiedByUrl">The <c>@specifiedBy</c> URL.</param>
    public ScalarType(
        string name,
        Func<object?, object?>? serialize = null,
        Func<object?, object?>? parseValue = null,
        Func<object?, object?>? parseLiteral = null,
        string? description = null,
        string? specifiedByUrl = null)
        : base(name, description)
    {
        SerializeFunc = serialize ?? (v => v);
        ParseValueFunc = parseValue ?? (v => v);
        ParseLiteralFunc = parseLiteral;
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The <c>@specifiedBy(url:)</c> value, or <see langword="null"/>.</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Whether this is one of the spec's built-in scalars.</summary>
    public bool IsSpecified => SpecifiedScalars.IsSpecifiedScalar(Name);

    internal Func<object?, object?> SerializeFunc { get; set; }

    internal Func<object?, object?> ParseValueFunc { get; set; }

    internal Func<object?, object?>? ParseLiteralFunc { get; set; }

    /// <summary>Coerces a resolved value for the response; throws <see cref="ValueCoercionException"/> if it cannot.</summary>
    public virtual object? Serialize(object? value) => SerializeFunc(value);

    /// <summary>Coerces a variable value; throws <see cref="ValueCoercionException"/> if invalid.</summary>
    public virtual object? ParseValue(object? value) => ParseValueFunc(value);

    /// <summary>
    /// Coerces a literal: <paramref name="value"/> is the literal as a plain value and <paramref name="kind"/>
    /// says which literal it was, so built-ins can tell <c>1</c> from <c>"1"</c> and <c>1.0</c>.
    /// </summary>
    public virtual object? ParseLiteral(object? value, LiteralKind kind)
        => ParseLiteralFunc is { } f ? f(value) : ParseValueFunc(value);
}

#pragma warning disable CA1720 // The names are the GraphQL spec's (Int, Float, String, Object).
/// <summary>The syntactic kind of a literal input value.</summary>
public enum LiteralKind
{
    /// <summary>An integer literal such as <c>12</c>.</summary>
    Int,

    /// <summary>A float literal such as <c>1.5e3</c>.</summary>
    Float,

    /// <summary>A string or block string literal.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>An enum literal (a bare name).</summary>
    Enum,

    /// <summary>A list literal.</summary>
    List,

    /// <summary>An object literal.</summary>
    Object,
}

/// <summary>Thrown by scalar coercion when a value is invalid; the message is safe to show to clients.</summary>
public sealed class ValueCoercionException : Exception
{
    /// <summary>Creates the exception with a client-safe message.</summary>
    public ValueCoercionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a client-safe message.</summary>
    public ValueCoercionException()
    {
    }

    /// <summary>Creates the exception with a client-safe message and inner exception.</summary>
    public ValueCoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
