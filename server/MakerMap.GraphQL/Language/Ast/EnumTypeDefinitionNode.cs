namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>enum Name { VALUES }</c>.</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    /// <summary>Enum values.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
