namespace MakerMap.GraphQL.Types;

/// <summary>The shared shape of object and interface types: fields and implemented interfaces.</summary>
public abstract class ComplexType : NamedType
{
    private Dictionary<string, FieldDefinition> _fieldsByName = [];

    private protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields
    {
        get;
        internal set
        {
            field = value;
            _fieldsByName = new Dictionary<string, FieldDefinition>(value.Count, StringComparer.Ordinal);
            foreach (var definition in value)
            {
                _fieldsByName.TryAdd(definition.Name, definition);
            }
        }
    } = [];

    /// <summary>The interfaces this type declares it implements.</summary>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Finds a field by name (meta-fields such as <c>__typename</c> are not included).</summary>
    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>Whether this type declares <paramref name="iface"/> among its interfaces.</summary>
    public bool Implements(InterfaceType iface)
    {
        foreach (var i in Interfaces)
        {
            if (ReferenceEquals(i, iface))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An object type.</summary>
public sealed class ObjectType : ComplexType
{
    /// <summary>Creates an object type.</summary>
    public ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// Optional check used to resolve abstract types when no <c>ResolveType</c> is bound: returns whether a
    /// runtime value belongs to this object type (set from a CLR type binding).
    /// </summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    /// <summary>The CLR type bound to this object type, if any.</summary>
    public Type? ClrType { get; internal set; }
}

/// <summary>Resolves the concrete object type name of a value of an abstract type.</summary>
/// <param name="value">The resolved value.</param>
/// <param name="context">The field being resolved.</param>
/// <returns>The object type name, or <see langword="null"/> when unknown.</returns>
public delegate string? TypeResolver(object value, Execution.ResolveContext context);

/// <summary>An interface type.</summary>
public sealed class InterfaceType : ComplexType
{
    /// <summary>Creates an interface type.</summary>
    public InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Resolves the object type of a value; <see langword="null"/> falls back to <see cref="ObjectType.IsTypeOf"/>.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union type.</summary>
public sealed class UnionType : NamedType
{
    /// <summary>Creates a union type.</summary>
    public UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member object types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    /// <summary>Resolves the object type of a value; <see langword="null"/> falls back to <see cref="ObjectType.IsTypeOf"/>.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}
