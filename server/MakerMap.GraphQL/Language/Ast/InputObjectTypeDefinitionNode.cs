namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>input Name { fields }</c>.</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    /// <summary>Input fields.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
