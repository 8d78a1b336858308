namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend interface Name ...</c>.</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    /// <summary>Added interfaces.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Added fields.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
