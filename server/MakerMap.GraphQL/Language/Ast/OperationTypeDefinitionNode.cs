namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A root operation type: <c>query: Query</c>.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    /// <summary>The operation.</summary>
    public required OperationType Operation { get; init; }

    /// <summary>The root type.</summary>
    public required NamedTypeNode Type { get; init; }
}
