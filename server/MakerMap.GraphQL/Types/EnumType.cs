namespace MakerMap.GraphQL.Types;

/// <summary>An enum type: a closed set of named values, each with an internal value.</summary>
public sealed class EnumType : NamedType
{
    private Dictionary<string, EnumValueDefinition> _byName = [];
    private Dictionary<object, EnumValueDefinition> _byValue = [];

    /// <summary>Creates an enum type.</summary>
    public EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values in definition order.</summary>
    public IReadOnlyList<EnumValueDefinition> Values
    {
        get;
        internal set
        {
            field = value;
            _byName = new Dictionary<string, EnumValueDefinition>(StringComparer.Ordinal);
            _byValue = [];
            foreach (var v in value)
            {
                _byName.TryAdd(v.Name, v);
                if (v.Value is not null)
                {
                    _byValue.TryAdd(v.Value, v);
                }
            }
        }
    } = [];

    /// <summary>Finds a value by its GraphQL name.</summary>
    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds a value by its internal value (the name unless bound to a CLR enum or custom value).</summary>
    public EnumValueDefinition? GetValueByInternal(object value)
    {
        if (_byValue.TryGetValue(value, out var def))
        {
            return def;
        }

        // Resolvers often return the name as a string even when values are bound to a CLR enum.
        return value is string s ? GetValue(s) : null;
    }
}

/// <summary>A value of an enum type.</summary>
public sealed class EnumValueDefinition
{
    /// <summary>Creates an enum value whose internal value is its name.</summary>
    public EnumValueDefinition(string name, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Description = description;
        Value = name;
    }

    /// <summary>The GraphQL name.</summary>
    public string Name { get; }

    /// <summary>The description, or <see langword="null"/>.</summary>
    public string? Description { get; internal set; }

    /// <summary>The internal value passed to resolvers (default: the name).</summary>
    public object Value { get; internal set; }

    /// <summary>The reason given by <c>@deprecated</c>, or <see langword="null"/>.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Directives applied to this value in SDL.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <inheritdoc/>
    public override string ToString() => Name;
}
