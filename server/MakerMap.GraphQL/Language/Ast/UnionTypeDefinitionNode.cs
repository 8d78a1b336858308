namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>union Name = A | B</c>.</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    /// <summary>Member types.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
