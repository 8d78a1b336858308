using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Language;

/// <summary>
/// Runs several visitors in one walk (graphql-js <c>visitInParallel</c>). A visitor that skips a
/// subtree is paused until the walk leaves that node (and does not see that node's leave); a
/// visitor that breaks is stopped for good.
/// </summary>
public sealed class ParallelVisitor : AstVisitor
{
    private readonly AstVisitor[] _visitors;
    private readonly Node?[] _skipping;
    private readonly bool[] _stopped;

    /// <summary>Creates a parallel visitor.</summary>
    public ParallelVisitor(IEnumerable<AstVisitor> visitors)
    {
        _visitors = [.. visitors];
        _skipping = new Node?[_visitors.Length];
        _stopped = new bool[_visitors.Length];
    }

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_stopped[i] || _skipping[i] is not null)
            {
                continue;
            }

            switch (_visitors[i].Enter(node, parent))
            {
                case VisitorAction.SkipChildren:
                    _skipping[i] = node;
                    break;
                case VisitorAction.Break:
                    _stopped[i] = true;
                    break;
            }
        }

        return VisitorAction.Continue;
    }

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_stopped[i])
            {
                continue;
            }

            if (_skipping[i] is { } skipped)
            {
                if (!ReferenceEquals(skipped, node))
                {
                    continue;
                }

                _skipping[i] = null;
                continue;
            }

            if (_visitors[i].Leave(node, parent) == VisitorAction.Break)
            {
                _stopped[i] = true;
            }
        }

        return VisitorAction.Continue;
    }
}
