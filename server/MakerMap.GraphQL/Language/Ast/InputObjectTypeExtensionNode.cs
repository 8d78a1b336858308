namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend input Name { ... }</c>.</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    /// <summary>Added fields.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
