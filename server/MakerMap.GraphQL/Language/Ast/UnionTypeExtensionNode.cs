namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend union Name = ...</c>.</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    /// <summary>Added member types.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
