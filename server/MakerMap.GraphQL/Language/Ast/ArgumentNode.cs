namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An argument: <c>name: value</c>.</summary>
public sealed class ArgumentNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Argument;

    /// <summary>The argument name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The value.</summary>
    public required ValueNode Value { get; init; }
}
