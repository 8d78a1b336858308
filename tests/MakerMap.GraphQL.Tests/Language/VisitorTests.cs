using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Tests.Language;

public class VisitorTests
{
    [Fact]
    public void Visit_enters_and_leaves_in_document_order()
    {
        var recorder = new Recorder();
        Visitor.Visit(Parser.Parse("{ a(x: 1) @d { b } }"), recorder);
        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field", "enter Name a",
                "leave Name a", "enter Argument", "enter Name x", "leave Name x", "enter IntValue", "leave IntValue",
                "leave Argument", "enter Directive", "enter Name d", "leave Name d", "leave Directive", "enter SelectionSet",
                "enter Field", "enter Name b", "leave Name b", "leave Field", "leave SelectionSet", "leave Field",
                "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Skip_children_skips_the_subtree_and_its_leave()
    {
        var recorder = new Recorder { SkipKind = NodeKind.Field };
        Visitor.Visit(Parser.Parse("{ a { b } c }"), recorder);
        Assert.Equal(
            ["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field", "enter Field", "leave SelectionSet", "leave OperationDefinition", "leave Document"],
            recorder.Events);
    }

    [Fact]
    public void Break_stops_the_walk()
    {
        var recorder = new Recorder { BreakKind = NodeKind.Name };
        Visitor.Visit(Parser.Parse("{ a b }"), recorder);
        Assert.Equal(["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field", "enter Name a"], recorder.Events);
    }

    [Fact]
    public void Parallel_visitor_pauses_only_the_visitor_that_skipped()
    {
        var skipping = new Recorder { SkipKind = NodeKind.Field };
        var all = new Recorder();
        Visitor.Visit(Parser.Parse("{ a { b } }"), new ParallelVisitor([skipping, all]));
        Assert.DoesNotContain("enter Name a", skipping.Events);
        Assert.DoesNotContain("leave Field", skipping.Events);
        Assert.Contains("enter Name b", all.Events);
        Assert.Equal("leave Document", skipping.Events[^1]);
    }

    [Fact]
    public void Visit_reaches_every_sdl_child()
    {
        var recorder = new Recorder();
        Visitor.Visit(Parser.Parse("\"d\" type T implements I @x { f(a: [Int] = [1]): T! }"), recorder);
        Assert.Contains("enter StringValue", recorder.Events);
        Assert.Contains("enter NamedType", recorder.Events);
        Assert.Contains("enter ListValue", recorder.Events);
        Assert.Contains("enter NonNullType", recorder.Events);
        Assert.Contains("enter InputValueDefinition", recorder.Events);
    }

    private sealed class Recorder : AstVisitor
    {
        public List<string> Events { get; } = [];

        public NodeKind? SkipKind { get; init; }

        public NodeKind? BreakKind { get; init; }

        public override VisitorAction Enter(Node node, Node? parent)
        {
            Events.Add("enter " + Describe(node));
            if (node.Kind == BreakKind)
            {
                return VisitorAction.Break;
            }

            return node.Kind == SkipKind ? VisitorAction.SkipChildren : VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, Node? parent)
        {
            Events.Add("leave " + Describe(node));
            return VisitorAction.Continue;
        }

        private static string Describe(Node node) => node is NameNode name ? "Name " + name.Value : node.Kind.ToString();
    }
}
