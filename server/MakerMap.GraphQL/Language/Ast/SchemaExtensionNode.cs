namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend schema @dir { query: Q }</c>.</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.SchemaExtension;

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>Root operation types.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
