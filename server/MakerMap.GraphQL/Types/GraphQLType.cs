namespace MakerMap.GraphQL.Types;

#pragma warning disable CA1720 // The names are the GraphQL spec's (Int, Float, String, Object).
/// <summary>The kind of a GraphQL type, as reported by introspection's <c>__TypeKind</c>.</summary>
public enum TypeKind
{
    /// <summary>A leaf type with a custom or built-in serialization.</summary>
    Scalar,

    /// <summary>An object type with fields.</summary>
    Object,

    /// <summary>An abstract type whose fields objects implement.</summary>
    Interface,

    /// <summary>An abstract type listing its possible object types.</summary>
    Union,

    /// <summary>A leaf type with a closed set of values.</summary>
    Enum,

    /// <summary>An input type with named fields.</summary>
    InputObject,

    /// <summary>A list wrapper.</summary>
    List,

    /// <summary>A non-null wrapper.</summary>
    NonNull,
}

/// <summary>Any GraphQL type: a named type or a list or non-null wrapper around one.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    /// <summary>The introspection kind of this type.</summary>
    public abstract TypeKind Kind { get; }

    /// <summary>Prints the type reference the way SDL does, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A named type: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Description = description;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The type's description, or <see langword="null"/>.</summary>
    public string? Description { get; internal set; }

    /// <summary>Directives applied to this type in SDL (name and raw arguments), for printing and tooling.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A list type wrapping an element type.</summary>
public sealed class ListType : GraphQLType
{
    /// <summary>Creates <c>[ofType]</c>.</summary>
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    /// <summary>The element type.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.List;

    /// <inheritdoc/>
    public override string ToString() => "[" + OfType + "]";
}

/// <summary>A non-null type wrapping a nullable type.</summary>
public sealed class NonNullType : GraphQLType
{
    /// <summary>Creates <c>ofType!</c>; <paramref name="ofType"/> must not itself be non-null.</summary>
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a GraphQL nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    /// <summary>The wrapped nullable type.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.NonNull;

    /// <inheritdoc/>
    public override string ToString() => OfType + "!";
}

/// <summary>A directive applied in SDL to a schema element, kept for printing and introspection extensions.</summary>
/// <param name="Name">The directive name without <c>@</c>.</param>
/// <param name="Arguments">Argument values as plain CLR values (literal values, variables not allowed in SDL).</param>
public sealed record AppliedDirective(string Name, IReadOnlyDictionary<string, object?> Arguments);
