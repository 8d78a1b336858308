namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A directive application: <c>@name(args)</c>.</summary>
public sealed class DirectiveNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Directive;

    /// <summary>The directive name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Arguments.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
