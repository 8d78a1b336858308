namespace MakerMap.GraphQL.Types;

/// <summary>An argument or input field: a name, an input type and an optional default value.</summary>
public abstract class InputValueDefinition
{
    private protected InputValueDefinition(string name, GraphQLType type, string? description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The description, or <see langword="null"/>.</summary>
    public string? Description { get; internal set; }

    /// <summary>Whether a default value was declared (<c>= null</c> counts).</summary>
    public bool HasDefaultValue { get; internal set; }

    /// <summary>The default value already coerced to its internal representation.</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The default value as printed in SDL and introspection (e.g. <c>"ASC"</c> → <c>ASC</c>).</summary>
    public string? DefaultValueLiteral { get; internal set; }

    /// <summary>The reason given by <c>@deprecated</c>, or <see langword="null"/>.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the input value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Directives applied to this input value in SDL.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>Whether the value is required: non-null with no default.</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An argument of a field or directive.</summary>
public sealed class ArgumentDefinition : InputValueDefinition
{
    /// <summary>Creates an argument definition.</summary>
    public ArgumentDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}

/// <summary>A field of an input object type.</summary>
public sealed class InputFieldDefinition : InputValueDefinition
{
    /// <summary>Creates an input field definition.</summary>
    public InputFieldDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}
