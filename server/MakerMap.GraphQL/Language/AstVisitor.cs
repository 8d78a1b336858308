using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Language;

/// <summary>What the walker does after a visitor has seen a node.</summary>
public enum VisitorAction
{
    /// <summary>Visit the node's children (on enter) and continue.</summary>
    Continue,

    /// <summary>Do not visit this node's children (on enter); its leave is not called either (graphql-js <c>false</c>).</summary>
    SkipChildren,

    /// <summary>Stop the whole walk.</summary>
    Break,
}

/// <summary>
/// A visitor for <see cref="Visitor.Visit(Node, AstVisitor)"/>: <see cref="Enter"/> is called before a
/// node's children and <see cref="Leave"/> after them, each with the node's parent (null for the root).
/// </summary>
public abstract class AstVisitor
{
    /// <summary>Called before the children of <paramref name="node"/>.</summary>
    public virtual VisitorAction Enter(Node node, Node? parent) => VisitorAction.Continue;

    /// <summary>Called after the children of <paramref name="node"/>.</summary>
    public virtual VisitorAction Leave(Node node, Node? parent) => VisitorAction.Continue;
}
