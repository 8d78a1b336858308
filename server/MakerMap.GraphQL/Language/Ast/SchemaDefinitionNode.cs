namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A schema definition.</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>Root operation types.</summary>
    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }
}
