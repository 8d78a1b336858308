namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A whole document: a list of executable and/or type-system definitions.</summary>
public sealed class DocumentNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Document;

    /// <summary>The definitions in source order.</summary>
    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }
}
