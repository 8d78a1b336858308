namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A string or block string literal (value after escapes / block-string dedent).</summary>
public sealed class StringValueNode : ValueNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.StringValue;

    /// <summary>The cooked string value.</summary>
    public required string Value { get; init; }

    /// <summary>True when written as a block string.</summary>
    public bool Block { get; init; }
}
