namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A non-null type reference: <c>Type!</c>.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.NonNullType;

    /// <summary>The nullable inner type (named or list).</summary>
    public required TypeNode Type { get; init; }
}
