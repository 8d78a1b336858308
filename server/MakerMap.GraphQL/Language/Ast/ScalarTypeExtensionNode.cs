namespace MakerMap.GraphQL.Language.Ast;

/// <summary><c>extend scalar Name @dir</c>.</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;
}
