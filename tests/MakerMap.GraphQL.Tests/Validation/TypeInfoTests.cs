using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL.Tests.Validation;

public class TypeInfoTests
{
    [Fact]
    public void TypeInfo_tracks_parent_field_and_input_types()
    {
        var seen = new List<string>();
        var typeInfo = new TypeInfo(ValidationHarness.Schema);
        var probe = new Probe(typeInfo, seen);
        var document = Parser.Parse("query ($k: ToolKind) { tools(kind: $k, ids: [1]) { owner { name } ... on Tool { hasKind(kind: SAW) } } slots(input: {next: {start: \"x\"}}) }");
        Visitor.Visit(document, new TypeInfoVisitor(typeInfo, probe));
        Assert.Equal(
            [
                "field tools: [Tool] on Query",
                "arg kind: ToolKind",
                "var k: ToolKind (parent none)",
                "arg ids: [ID!]",
                "field owner: Member on Tool",
                "field name: String on Member",
                "field hasKind: Boolean on Tool",
                "arg kind: ToolKind",
                "field slots: [String] on Query",
                "arg input: SlotInput",
                "objectField next: SlotInput",
                "objectField start: String!",
            ],
            seen);
    }

    private sealed class Probe(TypeInfo typeInfo, List<string> seen) : AstVisitor
    {
        public override VisitorAction Enter(Node node, Node? parent)
        {
            switch (node)
            {
                case FieldNode f:
                    seen.Add($"field {f.Name.Value}: {typeInfo.Type} on {typeInfo.ParentType}");
                    break;
                case ArgumentNode a:
                    seen.Add($"arg {a.Name.Value}: {typeInfo.InputType}");
                    break;
                case VariableNode v when parent is ArgumentNode:
                    seen.Add($"var {v.Name.Value}: {typeInfo.InputType} (parent {typeInfo.ParentInputType?.ToString() ?? "none"})");
                    break;
                case ObjectFieldNode o:
                    seen.Add($"objectField {o.Name.Value}: {typeInfo.InputType}");
                    break;
            }

            return VisitorAction.Continue;
        }
    }
}
