namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A name: <c>Name :: NameStart NameContinue*</c>.</summary>
public sealed class NameNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Name;

    /// <summary>The name text.</summary>
    public required string Value { get; init; }
}
