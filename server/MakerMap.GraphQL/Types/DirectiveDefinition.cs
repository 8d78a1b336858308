namespace MakerMap.GraphQL.Types;

#pragma warning disable CA1720 // The names are the GraphQL spec's (Int, Float, String, Object).
/// <summary>Where a directive may appear (https://spec.graphql.org/September2025/#DirectiveLocations).</summary>
public enum DirectiveLocation
{
    /// <summary><c>QUERY</c></summary>
    Query,

    /// <summary><c>MUTATION</c></summary>
    Mutation,

    /// <summary><c>SUBSCRIPTION</c></summary>
    Subscription,

    /// <summary><c>FIELD</c></summary>
    Field,

    /// <summary><c>FRAGMENT_DEFINITION</c></summary>
    FragmentDefinition,

    /// <summary><c>FRAGMENT_SPREAD</c></summary>
    FragmentSpread,

    /// <summary><c>INLINE_FRAGMENT</c></summary>
    InlineFragment,

    /// <summary><c>VARIABLE_DEFINITION</c></summary>
    VariableDefinition,

    /// <summary><c>SCHEMA</c></summary>
    Schema,

    /// <summary><c>SCALAR</c></summary>
    Scalar,

    /// <summary><c>OBJECT</c></summary>
    Object,

    /// <summary><c>FIELD_DEFINITION</c></summary>
    FieldDefinition,

    /// <summary><c>ARGUMENT_DEFINITION</c></summary>
    ArgumentDefinition,

    /// <summary><c>INTERFACE</c></summary>
    Interface,

    /// <summary><c>UNION</c></summary>
    Union,

    /// <summary><c>ENUM</c></summary>
    Enum,

    /// <summary><c>ENUM_VALUE</c></summary>
    EnumValue,

    /// <summary><c>INPUT_OBJECT</c></summary>
    InputObject,

    /// <summary><c>INPUT_FIELD_DEFINITION</c></summary>
    InputFieldDefinition,
}

/// <summary>Converts <see cref="DirectiveLocation"/> to and from the spec's <c>SCREAMING_CASE</c> names.</summary>
public static class DirectiveLocationNames
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    /// <summary>The spec name, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSpecName(this DirectiveLocation location) => Names[(int)location];

    /// <summary>Parses a spec name; returns <see langword="false"/> for unknown names.</summary>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        var index = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }
}

/// <summary>A directive definition: built-in (<c>@skip</c>, <c>@include</c>, …) or declared in SDL.</summary>
public sealed class DirectiveDefinition
{
    private Dictionary<string, ArgumentDefinition> _argumentsByName = [];

    /// <summary>Creates a directive definition.</summary>
    public DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(locations);
        Name = name;
        Locations = locations;
        Description = description;
        IsRepeatable = isRepeatable;
    }

    /// <summary>The name without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Whether it may appear more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>The allowed locations.</summary>
    public IReadOnlyList<DirectiveLocation> Locations { get; }

    /// <summary>The arguments in definition order.</summary>
    public IReadOnlyList<ArgumentDefinition> Arguments
    {
        get;
        internal set
        {
            field = value;
            _argumentsByName = value.ToDictionary(a => a.Name, StringComparer.Ordinal);
        }
    } = [];

    /// <summary>Whether this is one of the spec's built-in directives.</summary>
    public bool IsSpecified => SpecifiedDirectives.IsSpecifiedDirective(Name);

    /// <summary>Finds an argument by name.</summary>
    public ArgumentDefinition? GetArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    /// <inheritdoc/>
    public override string ToString() => "@" + Name;
}
