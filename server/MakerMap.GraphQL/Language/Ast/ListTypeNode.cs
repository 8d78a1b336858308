namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A list type reference: <c>[Type]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ListType;

    /// <summary>The item type.</summary>
    public required TypeNode Type { get; init; }
}
