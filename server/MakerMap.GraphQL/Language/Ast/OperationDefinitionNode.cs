namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An operation: query, mutation or subscription.</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.OperationDefinition;

    /// <summary>The operation type.</summary>
    public required OperationType Operation { get; init; }

    /// <summary>The operation name, or null for an anonymous operation.</summary>
    public NameNode? Name { get; init; }
}
