namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A list literal: <c>[ value* ]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ListValue;

    /// <summary>The items.</summary>
    public required IReadOnlyList<ValueNode> Values { get; init; }
}
