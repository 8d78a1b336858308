using System.Diagnostics.CodeAnalysis;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Language;

// Empty lists are the shared empty array rather than new List instances, so list helpers
// return IReadOnlyList on purpose.
#pragma warning disable CA1859

/// <summary>
/// A recursive-descent parser for GraphQL documents (executable and type-system definitions),
/// following the grammar of the September 2025 specification. The first syntax error is thrown
/// as a <see cref="GraphQLSyntaxErrorException"/>; every node carries a <see cref="Location"/>.
/// </summary>
public sealed class Parser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION",
    ];

    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private int _tokenCount;
    private int _depth;

    /// <summary>Creates a parser over a source.</summary>
    public Parser(Source source, ParserOptions? options = null)
    {
        _lexer = new Lexer(source);
        _options = options ?? ParserOptions.Default;
    }

    /// <summary>Parses a document.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        new Parser(new Source(source), options).ParseDocument();

    /// <summary>Parses a document from a named source.</summary>
    public static DocumentNode Parse(Source source, ParserOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a single value literal, which may contain variables (graphql-js <c>parseValue</c>).</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value literal (no variables).</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.EndOfFile);
        return type;
    }

    // https://spec.graphql.org/September2025/#Document
    /// <summary>Parses the whole source as a document.</summary>
    public DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        var definitions = Many(TokenKind.StartOfFile, ParseDefinition, TokenKind.EndOfFile);
        return new DocumentNode { Definitions = definitions, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#Definition
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                ThrowAt(_lexer.Token.Start, "Unexpected description, descriptions are supported only on type definitions.");
            }

            if (keywordToken.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    // https://spec.graphql.org/September2025/#OperationDefinition
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Token;
        if (Peek(TokenKind.BraceLeft))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = selectionSet,
                Location = Loc(start),
            };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = variableDefinitions,
            Directives = directives,
            SelectionSet = set,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#OperationType
    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    // https://spec.graphql.org/September2025/#VariablesDefinition
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions() =>
        OptionalMany(TokenKind.ParenLeft, ParseVariableDefinition, TokenKind.ParenRight);

    // https://spec.graphql.org/September2025/#VariableDefinition
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#Variable
    private VariableNode ParseVariable()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#SelectionSet
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Token;
        EnterNesting(start);
        var selections = Many(TokenKind.BraceLeft, ParseSelection, TokenKind.BraceRight);
        _depth--;
        return new SelectionSetNode { Selections = selections, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#Selection
    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    // https://spec.graphql.org/September2025/#Field
    private FieldNode ParseField()
    {
        var start = _lexer.Token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#Arguments
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany<ArgumentNode>(TokenKind.ParenLeft, isConst ? ParseConstArgument : ParseArgument, TokenKind.ParenRight);

    private ArgumentNode ParseConstArgument() => ParseArgument(isConst: true);

    private ArgumentNode ParseArgument() => ParseArgument(isConst: false);

    // https://spec.graphql.org/September2025/#Argument
    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode { Name = name, Value = value, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#FragmentSpread
    // https://spec.graphql.org/September2025/#InlineFragment
    private SelectionNode ParseFragment()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = Loc(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#FragmentDefinition
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#FragmentName
    private NameNode ParseFragmentName()
    {
        if (_lexer.Token.Value == "on")
        {
            throw Unexpected(_lexer.Token);
        }

        return ParseName();
    }

    // https://spec.graphql.org/September2025/#Value
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = Loc(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = Loc(token) },
                    "false" => new BooleanValueNode { Value = false, Location = Loc(token) },
                    "null" => new NullValueNode { Location = Loc(token) },
                    _ => new EnumValueNode { Value = token.Value!, Location = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    var nameToken = _lexer.Token;
                    if (nameToken.Kind == TokenKind.Name)
                    {
                        ThrowAt(token.Start, $"Unexpected variable \"${nameToken.Value}\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        Advance();
        return new StringValueNode { Value = token.Value!, Block = token.Kind == TokenKind.BlockString, Location = Loc(token) };
    }

    // https://spec.graphql.org/September2025/#ListValue
    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting(start);
        var values = Any<ValueNode>(TokenKind.BracketLeft, isConst ? ParseConstValueItem : ParseValueItem, TokenKind.BracketRight);
        _depth--;
        return new ListValueNode { Values = values, Location = Loc(start) };
    }

    private ValueNode ParseConstValueItem() => ParseValueLiteral(isConst: true);

    private ValueNode ParseValueItem() => ParseValueLiteral(isConst: false);

    // https://spec.graphql.org/September2025/#ObjectValue
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting(start);
        var fields = Any<ObjectFieldNode>(TokenKind.BraceLeft, isConst ? ParseConstObjectField : ParseObjectField, TokenKind.BraceRight);
        _depth--;
        return new ObjectValueNode { Fields = fields, Location = Loc(start) };
    }

    private ObjectFieldNode ParseConstObjectField() => ParseObjectField(isConst: true);

    private ObjectFieldNode ParseObjectField() => ParseObjectField(isConst: false);

    // https://spec.graphql.org/September2025/#ObjectField
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode { Name = name, Value = value, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#Directives
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            directives.Add(ParseDirective(isConst));
        }

        return directives;
    }

    // https://spec.graphql.org/September2025/#Directive
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode { Name = name, Arguments = arguments, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#Type
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketLeft))
        {
            EnterNesting(start);
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketRight);
            _depth--;
            type = new ListTypeNode { Type = inner, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }

        return type;
    }

    // https://spec.graphql.org/September2025/#NamedType
    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#Name
    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode { Value = token.Value!, Location = Loc(token) };
    }

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    // https://spec.graphql.org/September2025/#Description
    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    // https://spec.graphql.org/September2025/#SchemaDefinition
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#RootOperationTypeDefinition
    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#ScalarTypeDefinition
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#ObjectTypeDefinition
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#ImplementsInterfaces
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    // https://spec.graphql.org/September2025/#FieldsDefinition
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceLeft, ParseFieldDefinition, TokenKind.BraceRight);

    // https://spec.graphql.org/September2025/#FieldDefinition
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#ArgumentsDefinition
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        OptionalMany(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight);

    // https://spec.graphql.org/September2025/#InputValueDefinition
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#InterfaceTypeDefinition
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#UnionTypeDefinition
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = types,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#UnionMemberTypes
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.EqualsSign) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    // https://spec.graphql.org/September2025/#EnumTypeDefinition
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight);
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = values,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#EnumValueDefinition
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseEnumValueName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#EnumValue
    private NameNode ParseEnumValueName()
    {
        var token = _lexer.Token;
        if (token.Value is "true" or "false" or "null")
        {
            ThrowAt(token.Start, $"{token.Describe()} is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    // https://spec.graphql.org/September2025/#InputObjectTypeDefinition
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#InputFieldsDefinition
    private IReadOnlyList<InputValueDefinitionNode> ParseInputFieldsDefinition() =>
        OptionalMany(TokenKind.BraceLeft, ParseInputValueDefinition, TokenKind.BraceRight);

    // https://spec.graphql.org/September2025/#TypeSystemExtension
    private DefinitionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    // https://spec.graphql.org/September2025/#SchemaExtension
    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#ScalarTypeExtension
    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#ObjectTypeExtension
    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ObjectTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#InterfaceTypeExtension
    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InterfaceTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#UnionTypeExtension
    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#EnumTypeExtension
    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight);
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#InputObjectTypeExtension
    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    // https://spec.graphql.org/September2025/#DirectiveDefinition
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
            Location = Loc(start),
        };
    }

    // https://spec.graphql.org/September2025/#DirectiveLocation
    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        if (!DirectiveLocations.Contains(name.Value))
        {
            throw Unexpected(start);
        }

        return name;
    }

    private Location Loc(Token start) =>
        new(start.Start, _lexer.LastToken.End, start.Line, start.Column);

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    private void Advance()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EndOfFile && _options.MaxTokens is { } max && ++_tokenCount > max)
        {
            ThrowAt(token.Start, $"Document contains more than {max} tokens. Parsing aborted.");
        }
    }

    private void EnterNesting(Token token)
    {
        if (++_depth > _options.MaxDepth)
        {
            ThrowAt(token.Start, $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            Advance();
            return token;
        }

        ThrowAt(token.Start, $"Expected {kind.Describe()}, found {token.Describe()}.");
        return default;
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            Advance();
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            Advance();
            return;
        }

        ThrowAt(token.Start, $"Expected \"{value}\", found {token.Describe()}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            Advance();
            return true;
        }

        return false;
    }

    private GraphQLSyntaxErrorException Unexpected(Token token)
    {
        var (line, column) = _lexer.Source.GetLineAndColumn(token.Start);
        return new GraphQLSyntaxErrorException($"Unexpected {token.Describe()}.", token.Start, line, column);
    }

    [DoesNotReturn]
    private void ThrowAt(int position, string description)
    {
        var (line, column) = _lexer.Source.GetLineAndColumn(position);
        throw new GraphQLSyntaxErrorException(description, position, line, column);
    }

    // Zero or more items between open and close (the open token is required).
    private List<T> Any<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var items = new List<T>();
        while (!ExpectOptionalToken(close))
        {
            items.Add(parse());
        }

        return items;
    }

    // One or more items between open and close, or an empty list when open is absent.
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }

        var items = new List<T>();
        do
        {
            items.Add(parse());
        }
        while (!ExpectOptionalToken(close));
        return items;
    }

    // One or more items between open and close (the open token is required).
    private List<T> Many<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var items = new List<T>();
        do
        {
            items.Add(parse());
        }
        while (!ExpectOptionalToken(close));
        return items;
    }

    // One or more items separated by a delimiter, with an optional leading delimiter.
    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parse)
    {
        ExpectOptionalToken(delimiter);
        var items = new List<T>();
        do
        {
            items.Add(parse());
        }
        while (ExpectOptionalToken(delimiter));
        return items;
    }
}
