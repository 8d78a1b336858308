namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend type Name ...</c>.</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    /// <summary>Added interfaces.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Added fields.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
