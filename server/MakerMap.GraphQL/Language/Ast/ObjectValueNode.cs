namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An input object literal: <c>{ name: value* }</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.ObjectValue;

    /// <summary>The fields in source order.</summary>
    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}
