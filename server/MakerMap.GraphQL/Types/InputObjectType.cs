namespace MakerMap.GraphQL.Types;

/// <summary>An input object type, optionally a <c>@oneOf</c> input object.</summary>
public sealed class InputObjectType : NamedType
{
    private Dictionary<string, InputFieldDefinition> _fieldsByName = [];

    /// <summary>Creates an input object type.</summary>
    public InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>Whether exactly one field must be provided (<c>@oneOf</c>).</summary>
    public bool IsOneOf { get; internal set; }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<InputFieldDefinition> Fields
    {
        get;
        internal set
        {
            field = value;
            _fieldsByName = new Dictionary<string, InputFieldDefinition>(value.Count, StringComparer.Ordinal);
            foreach (var f in value)
            {
                _fieldsByName.TryAdd(f.Name, f);
            }
        }
    } = [];

    /// <summary>Finds a field by name.</summary>
    public InputFieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);
}
