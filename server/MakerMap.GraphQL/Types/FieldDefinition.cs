using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.Types;

/// <summary>A field of an object or interface type, with its arguments and resolver.</summary>
public sealed class FieldDefinition
{
    private static readonly Dictionary<string, ArgumentDefinition> NoArguments = [];
    private Dictionary<string, ArgumentDefinition> _argumentsByName = NoArguments;

    /// <summary>Creates a field definition.</summary>
    public FieldDefinition(string name, GraphQLType type, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The field's output type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The description, or <see langword="null"/>.</summary>
    public string? Description { get; internal set; }

    /// <summary>The reason given by <c>@deprecated</c>, or <see langword="null"/> when not deprecated.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The arguments in definition order.</summary>
    public IReadOnlyList<ArgumentDefinition> Arguments
    {
        get;
        internal set
        {
            field = value;
            _argumentsByName = value.Count == 0 ? NoArguments : value.ToDictionary(a => a.Name, StringComparer.Ordinal);
        }
    } = [];

    /// <summary>The resolver; <see langword="null"/> until the schema builder assigns one.</summary>
    public FieldResolver? Resolver
    {
        get;
        internal set
        {
            field = value;
            SourceReader = null;
        }
    }

    /// <summary>
    /// Set (after <see cref="Resolver"/>) when the resolver is a default one that only reads the parent value,
    /// so the executor may call this instead and skip the resolver's context (see <see cref="IsDefaultLeaf"/>).
    /// </summary>
    internal Func<object?, object?>? SourceReader { get; set; }

    /// <summary>A default-resolved field without arguments whose type is a scalar or enum, possibly non-null.</summary>
    internal bool IsDefaultLeaf =>
        SourceReader is not null && Arguments.Count == 0 && Type is ScalarType or EnumType or NonNullType { OfType: ScalarType or EnumType };

    /// <summary>For subscription root fields: produces the source event stream.</summary>
    public SubscriptionResolver? StreamResolver { get; internal set; }

    /// <summary>Directives applied to this field in SDL.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>Finds an argument by name.</summary>
    public ArgumentDefinition? GetArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
