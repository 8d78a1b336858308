namespace MakerMap.GraphQL.Language.Ast;

/// <summary>
/// Base of every AST node. Nodes are immutable after construction; the parser sets
/// <see cref="Location"/> on every node it creates.
/// </summary>
public abstract class Node
{
    /// <summary>The node kind, for switch-based dispatch without type tests.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>Where the node sits in its source; <c>default</c> for nodes built in code.</summary>
    public Location Location { get; init; }

    /// <summary>Prints the node as GraphQL source (see <see cref="Printer"/>).</summary>
    public override string ToString() => Printer.Print(this);
}
