namespace MakerMap.GraphQL.Language.Ast;

/// <summary>The <c>null</c> literal.</summary>
public sealed class NullValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.NullValue;
}
