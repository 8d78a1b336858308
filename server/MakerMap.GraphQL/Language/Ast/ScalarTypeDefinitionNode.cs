namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>scalar Name</c>.</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;
}
