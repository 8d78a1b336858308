using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Tests.Fixtures;

namespace MakerMap.GraphQL.Tests.Language;

public partial class ParserTests
{
    [Fact]
    public void Parse_kitchen_sink_succeeds()
    {
        var document = Parser.Parse(FixtureFile.Read("kitchen-sink.graphql"));
        Assert.Equal(6, document.Definitions.Count);
        Assert.All(document.Definitions, d => Assert.IsAssignableFrom<ExecutableDefinitionNode>(d));
    }

    [Fact]
    public void Parse_schema_kitchen_sink_succeeds()
    {
        var document = Parser.Parse(FixtureFile.Read("schema-kitchen-sink.graphql"));
        Assert.Equal(21, document.Definitions.Count);
        Assert.All(document.Definitions, d => Assert.IsNotAssignableFrom<ExecutableDefinitionNode>(d));
    }

    [Fact]
    public void Parse_field_sets_alias_arguments_and_locations()
    {
        var document = Parser.Parse("{\n  pic: picture(size: 64, crop: true) @skip(if: $no)\n}");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("pic", field.Alias!.Value);
        Assert.Equal("picture", field.Name.Value);
        Assert.Equal(new Location(4, 53, 2, 3), field.Location);
        Assert.Equal(new Location(9, 16, 2, 8), field.Name.Location);
        Assert.Equal(2, field.Arguments.Count);
        Assert.Equal("64", Assert.IsType<IntValueNode>(field.Arguments[0].Value).Value);
        Assert.True(Assert.IsType<BooleanValueNode>(field.Arguments[1].Value).Value);
        var directive = Assert.Single(field.Directives);
        Assert.Equal("skip", directive.Name.Value);
        Assert.Equal("no", Assert.IsType<VariableNode>(directive.Arguments[0].Value).Name.Value);
        Assert.Equal(new Location(0, 55, 1, 1), document.Location);
    }

    [Fact]
    public void Parse_every_node_has_a_location()
    {
        var visitor = new LocationChecker();
        Visitor.Visit(Parser.Parse(FixtureFile.Read("kitchen-sink.graphql")), visitor);
        Visitor.Visit(Parser.Parse(FixtureFile.Read("schema-kitchen-sink.graphql")), visitor);
        Assert.True(visitor.Count > 300);
    }

    [Fact]
    public void Parse_operation_with_variables_and_defaults()
    {
        var document = Parser.Parse("query Q($a: [Int!]! = [1, 2], $b: In = {x: \"y\"} @dir) { f }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Q", operation.Name!.Value);
        var a = operation.VariableDefinitions[0];
        var nonNull = Assert.IsType<NonNullTypeNode>(a.Type);
        var list = Assert.IsType<ListTypeNode>(nonNull.Type);
        Assert.IsType<NonNullTypeNode>(list.Type);
        Assert.Equal(2, Assert.IsType<ListValueNode>(a.DefaultValue).Values.Count);
        var b = operation.VariableDefinitions[1];
        var obj = Assert.IsType<ObjectValueNode>(b.DefaultValue);
        Assert.Equal("y", Assert.IsType<StringValueNode>(obj.Fields[0].Value).Value);
        Assert.Equal("dir", Assert.Single(b.Directives).Name.Value);
    }

    [Fact]
    public void Parse_values_distinguishes_enum_null_and_booleans()
    {
        var value = Assert.IsType<ListValueNode>(Parser.ParseValue("[RED, null, true, false, 1.5, \"s\", \"\"\"b\"\"\", $v]"));
        Assert.IsType<EnumValueNode>(value.Values[0]);
        Assert.IsType<NullValueNode>(value.Values[1]);
        Assert.True(((BooleanValueNode)value.Values[2]).Value);
        Assert.False(((BooleanValueNode)value.Values[3]).Value);
        Assert.Equal("1.5", ((FloatValueNode)value.Values[4]).Value);
        Assert.False(((StringValueNode)value.Values[5]).Block);
        Assert.True(((StringValueNode)value.Values[6]).Block);
        Assert.IsType<VariableNode>(value.Values[7]);
    }

    [Fact]
    public void ParseType_reads_wrapping_types()
    {
        var type = Parser.ParseType("[[Int]!]");
        var outer = Assert.IsType<ListTypeNode>(type);
        var nonNull = Assert.IsType<NonNullTypeNode>(outer.Type);
        var inner = Assert.IsType<ListTypeNode>(nonNull.Type);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(inner.Type).Name.Value);
    }

    [Fact]
    public void Parse_keywords_are_valid_names()
    {
        var document = Parser.Parse("query query { query: mutation(subscription: fragment) on: type ... on on { on } }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("query", operation.Name!.Value);
        Assert.Equal(3, operation.SelectionSet.Selections.Count);
    }

    [Fact]
    public void Parse_fragment_spread_inline_fragment_and_definition()
    {
        var document = Parser.Parse("{ ...A ... on T { a } ... @include(if: true) { b } } fragment A on T { c }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Equal("A", Assert.IsType<FragmentSpreadNode>(selections[0]).Name.Value);
        Assert.Equal("T", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("T", fragment.TypeCondition.Name.Value);
    }

    [Fact]
    public void Parse_executable_descriptions_from_september_2025()
    {
        var document = Parser.Parse("\"Op\" query Q(\"Var\" $a: Int) { f } \"\"\"Frag\"\"\" fragment F on T { g }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Op", operation.Description!.Value);
        Assert.Equal("Var", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal("Frag", ((FragmentDefinitionNode)document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void Parse_directive_definition_with_repeatable_and_locations()
    {
        var document = Parser.Parse("\"d\" directive @tag(name: String! = \"x\" @deprecated) repeatable on | FIELD | OBJECT");
        var directive = Assert.IsType<DirectiveDefinitionNode>(Assert.Single(document.Definitions));
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD", "OBJECT"], directive.Locations.Select(l => l.Value));
        Assert.Equal("d", directive.Description!.Value);
        Assert.Equal("x", ((StringValueNode)directive.Arguments[0].DefaultValue!).Value);
    }

    [Fact]
    public void Parse_object_type_with_interfaces_and_fields()
    {
        var document = Parser.Parse("type T implements & A & B @d { \"doc\" f(a: Int = 1): [String!]! @x }");
        var type = Assert.IsType<ObjectTypeDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(["A", "B"], type.Interfaces.Select(i => i.Name.Value));
        var field = Assert.Single(type.Fields);
        Assert.Equal("doc", field.Description!.Value);
        Assert.Equal("1", ((IntValueNode)field.Arguments[0].DefaultValue!).Value);
    }

    [Fact]
    public void Parse_extensions_of_every_kind()
    {
        var document = Parser.Parse(
            "extend schema @a extend scalar S @a extend type T implements I extend interface I { f: Int } "
            + "extend union U = A | B extend enum E { X } extend input In @a");
        Assert.Collection(
            document.Definitions,
            d => Assert.IsType<SchemaExtensionNode>(d),
            d => Assert.IsType<ScalarTypeExtensionNode>(d),
            d => Assert.IsType<ObjectTypeExtensionNode>(d),
            d => Assert.IsType<InterfaceTypeExtensionNode>(d),
            d => Assert.IsType<UnionTypeExtensionNode>(d),
            d => Assert.IsType<EnumTypeExtensionNode>(d),
            d => Assert.IsType<InputObjectTypeExtensionNode>(d));
    }

    [Fact]
    public void Parse_within_limits_accepts_deep_but_allowed_nesting()
    {
        var depth = 150;
        var text = string.Concat(Enumerable.Repeat("{a", depth)) + new string('}', depth);
        Assert.NotNull(Parser.Parse(text));
    }

    private sealed class LocationChecker : AstVisitor
    {
        public int Count { get; private set; }

        public override VisitorAction Enter(Node node, Node? parent)
        {
            Assert.True(node.Location.IsKnown, $"{node.Kind} has no location");
            Assert.True(node.Location.End > node.Location.Start, $"{node.Kind} has an empty span");
            Count++;
            return VisitorAction.Continue;
        }
    }
}
