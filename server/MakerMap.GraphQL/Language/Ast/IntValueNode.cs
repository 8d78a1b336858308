namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An integer literal; the raw text is kept so coercion decides the range.</summary>
public sealed class IntValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.IntValue;

    /// <summary>The source text.</summary>
    public required string Value { get; init; }
}
