using System.Globalization;
using System.Text;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL source with the layout of graphql-js <c>print</c>: two-space
/// indentation, one selection per line, arguments wrapped when a field line exceeds 80 characters.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints any node.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Wrap(string.Empty, PrintOptional(n.Description), "\n")
                + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOptional(n.DefaultValue))
                + Wrap(" ", PrintList(n.Directives, " ")),
            SelectionSetNode n => Block(n.Selections.Select(Print)),
            FieldNode n => PrintField(n),
            ArgumentNode n => Print(n.Name) + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + Print(n.Name) + Wrap(" ", PrintList(n.Directives, " ")),
            InlineFragmentNode n => Join(
                ["...", Wrap("on ", PrintOptional(n.TypeCondition)), PrintList(n.Directives, " "), Print(n.SelectionSet)], " "),
            FragmentDefinitionNode n => Wrap(string.Empty, PrintOptional(n.Description), "\n")
                + "fragment " + Print(n.Name) + PrintVariableDefinitions(n.VariableDefinitions)
                + " on " + Print(n.TypeCondition) + " " + Wrap(string.Empty, PrintList(n.Directives, " "), " ")
                + Print(n.SelectionSet),
            VariableNode n => "$" + Print(n.Name),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => "[" + PrintList(n.Values, ", ") + "]",
            ObjectValueNode n => "{" + PrintList(n.Fields, ", ") + "}",
            ObjectFieldNode n => Print(n.Name) + ": " + Print(n.Value),
            DirectiveNode n => "@" + Print(n.Name) + Wrap("(", PrintList(n.Arguments, ", "), ")"),
            NamedTypeNode n => Print(n.Name),
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    /// <summary>Prints a string value as a quoted GraphQL string, escaping like graphql-js <c>printString</c>.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string PrintOperation(OperationDefinitionNode n)
    {
        var varDefs = PrintVariableDefinitions(n.VariableDefinitions);
        var operation = n.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        var prefix = Join([operation, Join([PrintOptional(n.Name), varDefs]), PrintList(n.Directives, " ")], " ");
        var description = Wrap(string.Empty, PrintOptional(n.Description), "\n");
        // Anonymous queries with no directives or variable definitions can use the query short form.
        return description + (prefix == "query" && description.Length == 0 ? string.Empty : prefix + " ") + Print(n.SelectionSet);
    }

    private static string PrintField(FieldNode n)
    {
        var prefix = Wrap(string.Empty, PrintOptional(n.Alias), ": ") + Print(n.Name);
        var argsLine = prefix + Wrap("(", PrintList(n.Arguments, ", "), ")");
        if (argsLine.Length > MaxLineLength)
        {
            argsLine = prefix + Wrap("(\n", Indent(PrintList(n.Arguments, "\n")), "\n)");
        }

        return Join([argsLine, PrintList(n.Directives, " "), PrintOptional(n.SelectionSet)], " ");
    }

    private static string PrintTypeSystem(Node node) => node switch
    {
        SchemaDefinitionNode n => Describe(n.Description)
            + Join(["schema", PrintList(n.Directives, " "), Block(n.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Describe(n.Description)
            + Join(["scalar", Print(n.Name), PrintList(n.Directives, " ")], " "),
        ObjectTypeDefinitionNode n => Describe(n.Description)
            + Join(["type", Print(n.Name), Wrap("implements ", PrintList(n.Interfaces, " & ")), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        FieldDefinitionNode n => Describe(n.Description) + Print(n.Name) + PrintArgumentDefinitions(n.Arguments)
            + ": " + Print(n.Type) + Wrap(" ", PrintList(n.Directives, " ")),
        InputValueDefinitionNode n => Describe(n.Description)
            + Join([Print(n.Name) + ": " + Print(n.Type), Wrap("= ", PrintOptional(n.DefaultValue)), PrintList(n.Directives, " ")], " "),
        InterfaceTypeDefinitionNode n => Describe(n.Description)
            + Join(["interface", Print(n.Name), Wrap("implements ", PrintList(n.Interfaces, " & ")), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode n => Describe(n.Description)
            + Join(["union", Print(n.Name), PrintList(n.Directives, " "), Wrap("= ", PrintList(n.Types, " | "))], " "),
        EnumTypeDefinitionNode n => Describe(n.Description)
            + Join(["enum", Print(n.Name), PrintList(n.Directives, " "), Block(n.Values.Select(Print))], " "),
        EnumValueDefinitionNode n => Describe(n.Description) + Join([Print(n.Name), PrintList(n.Directives, " ")], " "),
        InputObjectTypeDefinitionNode n => Describe(n.Description)
            + Join(["input", Print(n.Name), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        DirectiveDefinitionNode n => Describe(n.Description) + "directive @" + Print(n.Name)
            + PrintArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty)
            + " on " + PrintList(n.Locations, " | "),
        SchemaExtensionNode n => Join(["extend schema", PrintList(n.Directives, " "), Block(n.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", Print(n.Name), PrintList(n.Directives, " ")], " "),
        ObjectTypeExtensionNode n => Join(
            ["extend type", Print(n.Name), Wrap("implements ", PrintList(n.Interfaces, " & ")), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        InterfaceTypeExtensionNode n => Join(
            ["extend interface", Print(n.Name), Wrap("implements ", PrintList(n.Interfaces, " & ")), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        UnionTypeExtensionNode n => Join(["extend union", Print(n.Name), PrintList(n.Directives, " "), Wrap("= ", PrintList(n.Types, " | "))], " "),
        EnumTypeExtensionNode n => Join(["extend enum", Print(n.Name), PrintList(n.Directives, " "), Block(n.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode n => Join(["extend input", Print(n.Name), PrintList(n.Directives, " "), Block(n.Fields.Select(Print))], " "),
        _ => throw new ArgumentException($"Cannot print node kind {node.Kind}.", nameof(node)),
    };

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(s => s.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    // Variable definitions with descriptions span lines, so they get one line each (as arguments do).
    private static string PrintVariableDefinitions(IReadOnlyList<VariableDefinitionNode> definitions)
    {
        var printed = definitions.Select(Print).ToList();
        return printed.Any(s => s.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string Describe(StringValueNode? description) => Wrap(string.Empty, PrintOptional(description), "\n");

    private static string? PrintOptional(Node? node) => node is null ? null : Print(node);

    private static string PrintList<T>(IReadOnlyList<T> nodes, string separator)
        where T : Node => Join(nodes.Select(n => (string?)Print(n)), separator);

    private static string Join(IEnumerable<string?> parts, string separator = "") =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Block(IEnumerable<string> lines) => Wrap("{\n", Indent(Join(lines, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? string.Empty : start + value + end;

    private static string Indent(string value) =>
        Wrap("  ", value.Replace("\n", "\n  ", StringComparison.Ordinal));
}
