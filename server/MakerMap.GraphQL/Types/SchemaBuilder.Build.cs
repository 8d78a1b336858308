using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Builds and validates the schema; throws <see cref="SchemaValidationException"/> listing every problem.</summary>
    public Schema Build()
    {
        var errors = new List<string>();
        var definitions = new List<DefinitionNode>();
        foreach (var sdl in _sources)
        {
            try
            {
                definitions.AddRange(Parser.Parse(sdl, new ParserOptions { MaxTokens = null }).Definitions);
            }
            catch (GraphQLSyntaxErrorException ex)
            {
                errors.Add($"{ex.Message} ({ex.Line}:{ex.Column})");
            }
        }

        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }

        var state = new BuildState(this, errors);
        var schema = state.Build(definitions);
        if (schema is not null)
        {
            SchemaValidator.Validate(schema, errors);
        }

        if (errors.Count > 0 || schema is null)
        {
            throw new SchemaValidationException(errors);
        }

        return schema;
    }

    private sealed partial class BuildState(SchemaBuilder builder, List<string> errors)
    {
        private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TypeDefinitionNode> _typeDefs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
        private readonly List<(InputValueDefinition Definition, ValueNode Literal, string Coordinate)> _defaults = [];
        private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
        private readonly List<(IReadOnlyList<DirectiveNode> Directives, DirectiveLocation Location)> _applied = [];

        public Schema? Build(List<DefinitionNode> definitions)
        {
            SchemaDefinitionNode? schemaDef = null;
            var schemaExtensions = new List<SchemaExtensionNode>();
            var directiveDefs = new List<DirectiveDefinitionNode>();
            foreach (var definition in definitions)
            {
                switch (definition)
                {
                    case TypeDefinitionNode t when SpecifiedScalars.IsSpecifiedScalar(t.Name.Value):
                        break;
                    case TypeDefinitionNode t:
                        if (!_typeDefs.TryAdd(t.Name.Value, t))
                        {
                            errors.Add($"There can be only one type named \"{t.Name.Value}\".");
                        }

                        break;
                    case TypeExtensionNode e:
                        if (!_extensions.TryGetValue(e.Name.Value, out var list))
                        {
                            _extensions[e.Name.Value] = list = [];
                        }

                        list.Add(e);
                        break;
                    case DirectiveDefinitionNode d:
                        if (directiveDefs.Any(x => x.Name.Value == d.Name.Value))
                        {
                            errors.Add($"There can be only one directive named \"@{d.Name.Value}\".");
                        }
                        else
                        {
                            directiveDefs.Add(d);
                        }

                        break;
                    case SchemaDefinitionNode s:
                        if (schemaDef is not null)
                        {
                            errors.Add("Must provide only one schema definition.");
                        }

                        schemaDef ??= s;
                        break;
                    case SchemaExtensionNode se:
                        schemaExtensions.Add(se);
                        break;
                    default:
                        errors.Add($"The {definition.Kind} definition is not allowed in a schema document: only type system definitions are.");
                        break;
                }
            }

            foreach (var def in _typeDefs.Values)
            {
                _types[def.Name.Value] = CreateType(def);
            }

            foreach (var (name, exts) in _extensions)
            {
                if (!_types.TryGetValue(name, out var type))
                {
                    errors.Add(SpecifiedScalars.IsSpecifiedScalar(name)
                        ? $"Cannot extend built-in scalar \"{name}\"."
                        : $"Cannot extend type \"{name}\" because it is not defined.");
                    continue;
                }

                foreach (var ext in exts)
                {
                    var matches = (type, ext) switch
                    {
                        (ScalarType, ScalarTypeExtensionNode) or (ObjectType, ObjectTypeExtensionNode) or (InterfaceType, InterfaceTypeExtensionNode)
                            or (UnionType, UnionTypeExtensionNode) or (EnumType, EnumTypeExtensionNode) or (InputObjectType, InputObjectTypeExtensionNode) => true,
                        _ => false,
                    };
                    if (!matches)
                    {
                        errors.Add($"Cannot extend non-{KindWord(type)} type \"{name}\".");
                    }
                }
            }

            foreach (var def in directiveDefs)
            {
                var locations = new List<DirectiveLocation>();
                foreach (var l in def.Locations)
                {
                    if (DirectiveLocationNames.TryParse(l.Value, out var location))
                    {
                        locations.Add(location);
                    }
                }

                var directive = new DirectiveDefinition(def.Name.Value, locations, def.Description?.Value, def.Repeatable);
                directive.Arguments = BuildArguments(def.Arguments, "@" + def.Name.Value);
                _directives[directive.Name] = directive;
            }

            foreach (var d in SpecifiedDirectives.All)
            {
                _directives.TryAdd(d.Name, d);
            }

            foreach (var def in _typeDefs.Values)
            {
                Fill(_types[def.Name.Value], def, _extensions.GetValueOrDefault(def.Name.Value) ?? []);
            }

            // CLR enum values must be in place before default values are coerced to them.
            foreach (var (name, clrEnum) in builder._enums)
            {
                BindEnum(name, clrEnum);
            }

            foreach (var (definition, literal, coordinate) in _defaults)
            {
                if (ValueCoercion.TryValueFromAst(literal, definition.Type, null, out var value))
                {
                    definition.DefaultValue = value;
                    definition.DefaultValueLiteral = ValuePrinter.PrintTyped(value, definition.Type);
                }
                else
                {
                    errors.Add($"{coordinate} has invalid default value: {literal}.");
                }
            }

            CheckAppliedDirectives();
            var (query, mutation, subscription) = ResolveRoots(schemaDef, schemaExtensions);
            ApplyBindings(subscription);
            ApplyWrappers();
            var directives = directiveDefs.Select(d => _directives[d.Name.Value]).ToList();
            directives.AddRange(SpecifiedDirectives.All.Where(d => ReferenceEquals(_directives[d.Name], d)));
            // The schema is built even with errors so that type validation can report its problems too.
            var schema = new Schema(query, mutation, subscription, _types.Values, directives, schemaDef?.Description?.Value);
            schema.AppliedDirectives = [.. (schemaDef?.Directives ?? []).Concat(schemaExtensions.SelectMany(e => e.Directives)).Select(ToApplied)];
            return schema;
        }

        private static string KindWord(NamedType type) => type switch
        {
            ScalarType => "scalar",
            ObjectType => "object",
            InterfaceType => "interface",
            UnionType => "union",
            EnumType => "enum",
            _ => "input object",
        };

        private NamedType CreateType(TypeDefinitionNode def)
        {
            var name = def.Name.Value;
            var description = def.Description?.Value;
            NamedType type = def switch
            {
                ScalarTypeDefinitionNode => builder._scalars.TryGetValue(name, out var bound) ? bound : new ScalarType(name),
                ObjectTypeDefinitionNode => new ObjectType(name),
                InterfaceTypeDefinitionNode => new InterfaceType(name),
                UnionTypeDefinitionNode => new UnionType(name),
                EnumTypeDefinitionNode => new EnumType(name),
                _ => new InputObjectType(name),
            };
            type.Description = description;
            return type;
        }

        private GraphQLType? ResolveType(TypeNode node)
        {
            switch (node)
            {
                case NamedTypeNode named:
                    var name = named.Name.Value;
                    if (_types.TryGetValue(name, out var type))
                    {
                        return type;
                    }

                    var scalar = SpecifiedScalars.All.FirstOrDefault(s => s.Name == name);
                    if (scalar is null)
                    {
                        errors.Add($"Unknown type \"{name}\".");
                    }

                    return scalar;
                case ListTypeNode list:
                    return ResolveType(list.Type) is { } item ? new ListType(item) : null;
                case NonNullTypeNode nonNull:
                    return ResolveType(nonNull.Type) is { } inner ? new NonNullType(inner) : null;
                default:
                    return null;
            }
        }
    }
}

/// <summary>Thrown by <see cref="SchemaBuilder.Build"/> when the SDL or the bindings are invalid; lists every problem.</summary>
public sealed class SchemaValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SchemaValidationException(IReadOnlyList<string> errors)
        : base("Invalid schema:" + string.Concat((errors ?? []).Select(e => Environment.NewLine + "  - " + e)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception.</summary>
    public SchemaValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a single message.</summary>
    public SchemaValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with a single message and inner exception.</summary>
    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found, one message each (graphql-js wording where it has one).</summary>
    public IReadOnlyList<string> Errors { get; }
}
