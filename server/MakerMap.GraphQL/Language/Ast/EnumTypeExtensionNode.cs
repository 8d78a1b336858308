namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend enum Name { ... }</c>.</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    /// <summary>Added values.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
