using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    private sealed partial class BuildState
    {
        private void Fill(NamedType type, TypeDefinitionNode def, List<TypeExtensionNode> extensions)
        {
            var directives = def.Directives.Concat(extensions.SelectMany(e => e.Directives)).ToList();
            type.AppliedDirectives = [.. directives.Select(ToApplied)];
            switch (type)
            {
                case ScalarType scalar:
                    _applied.Add((directives, DirectiveLocation.Scalar));
                    var url = FindDirective(directives, "specifiedBy")?.Arguments.FirstOrDefault(a => a.Name.Value == "url")?.Value as StringValueNode;
                    if (url is not null)
                    {
                        scalar.SpecifiedByUrl = url.Value;
                    }

                    break;
                case ComplexType complex:
                    _applied.Add((directives, complex is ObjectType ? DirectiveLocation.Object : DirectiveLocation.Interface));
                    var (fieldNodes, interfaceNodes) = def switch
                    {
                        ObjectTypeDefinitionNode o => (o.Fields, o.Interfaces),
                        InterfaceTypeDefinitionNode i => (i.Fields, i.Interfaces),
                        _ => ([], []),
                    };
                    var allFields = fieldNodes.Concat(extensions.SelectMany(e => e switch
                    {
                        ObjectTypeExtensionNode oe => oe.Fields,
                        InterfaceTypeExtensionNode ie => ie.Fields,
                        _ => [],
                    }));
                    var allInterfaces = interfaceNodes.Concat(extensions.SelectMany(e => e switch
                    {
                        ObjectTypeExtensionNode oe => oe.Interfaces,
                        InterfaceTypeExtensionNode ie => ie.Interfaces,
                        _ => [],
                    }));
                    complex.Fields = BuildFields(complex.Name, allFields);
                    complex.Interfaces = [.. allInterfaces.Select(n => ResolveInterface(n, complex.Name)).OfType<InterfaceType>()];
                    break;
                case UnionType union:
                    _applied.Add((directives, DirectiveLocation.Union));
                    var members = ((UnionTypeDefinitionNode)def).Types.Concat(extensions.OfType<UnionTypeExtensionNode>().SelectMany(e => e.Types));
                    var resolved = new List<ObjectType>();
                    foreach (var member in members)
                    {
                        switch (ResolveType(member))
                        {
                            case ObjectType o:
                                resolved.Add(o);
                                break;
                            case NamedType other:
                                errors.Add($"Union type {union.Name} can only include Object types, it cannot include {other.Name}.");
                                break;
                        }
                    }

                    union.Types = resolved;
                    break;
                case EnumType enumType:
                    _applied.Add((directives, DirectiveLocation.Enum));
                    var values = new List<EnumValueDefinition>();
                    foreach (var valueNode in ((EnumTypeDefinitionNode)def).Values.Concat(extensions.OfType<EnumTypeExtensionNode>().SelectMany(e => e.Values)))
                    {
                        if (values.Any(v => v.Name == valueNode.Name.Value))
                        {
                            errors.Add($"Enum value \"{enumType.Name}.{valueNode.Name.Value}\" can only be defined once.");
                            continue;
                        }

                        _applied.Add((valueNode.Directives, DirectiveLocation.EnumValue));
                        values.Add(new EnumValueDefinition(valueNode.Name.Value, valueNode.Description?.Value)
                        {
                            DeprecationReason = DeprecationReason(valueNode.Directives),
                            AppliedDirectives = [.. valueNode.Directives.Select(ToApplied)],
                        });
                    }

                    enumType.Values = values;
                    break;
                case InputObjectType input:
                    _applied.Add((directives, DirectiveLocation.InputObject));
                    input.IsOneOf = FindDirective(directives, "oneOf") is not null;
                    var inputFields = new List<InputFieldDefinition>();
                    foreach (var node in ((InputObjectTypeDefinitionNode)def).Fields.Concat(extensions.OfType<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields)))
                    {
                        if (inputFields.Any(f => f.Name == node.Name.Value))
                        {
                            errors.Add($"Field \"{input.Name}.{node.Name.Value}\" can only be defined once.");
                            continue;
                        }

                        _applied.Add((node.Directives, DirectiveLocation.InputFieldDefinition));
                        var fieldType = ResolveType(node.Type);
                        if (fieldType is null)
                        {
                            continue;
                        }

                        var field = new InputFieldDefinition(node.Name.Value, fieldType, node.Description?.Value)
                        {
                            DeprecationReason = DeprecationReason(node.Directives),
                            AppliedDirectives = [.. node.Directives.Select(ToApplied)],
                        };
                        AddDefault(field, node, $"Input field \"{input.Name}.{field.Name}\"");
                        inputFields.Add(field);
                    }

                    input.Fields = inputFields;
                    break;
            }
        }

        private InterfaceType? ResolveInterface(NamedTypeNode node, string typeName)
        {
            var type = ResolveType(node);
            if (type is InterfaceType i)
            {
                return i;
            }

            if (type is not null)
            {
                errors.Add($"Type {typeName} must only implement Interface types, it cannot implement {type}.");
            }

            return null;
        }

        private List<FieldDefinition> BuildFields(string typeName, IEnumerable<FieldDefinitionNode> nodes)
        {
            var fields = new List<FieldDefinition>();
            foreach (var node in nodes)
            {
                if (fields.Any(f => f.Name == node.Name.Value))
                {
                    errors.Add($"Field \"{typeName}.{node.Name.Value}\" can only be defined once.");
                    continue;
                }

                _applied.Add((node.Directives, DirectiveLocation.FieldDefinition));
                var type = ResolveType(node.Type);
                if (type is null)
                {
                    continue;
                }

                fields.Add(new FieldDefinition(node.Name.Value, type, node.Description?.Value)
                {
                    Arguments = BuildArguments(node.Arguments, $"{typeName}.{node.Name.Value}"),
                    DeprecationReason = DeprecationReason(node.Directives),
                    AppliedDirectives = [.. node.Directives.Select(ToApplied)],
                });
            }

            return fields;
        }

        private List<ArgumentDefinition> BuildArguments(IReadOnlyList<InputValueDefinitionNode> nodes, string owner)
        {
            var args = new List<ArgumentDefinition>();
            foreach (var node in nodes)
            {
                if (args.Any(a => a.Name == node.Name.Value))
                {
                    errors.Add($"Argument \"{owner}({node.Name.Value}:)\" can only be defined once.");
                    continue;
                }

                _applied.Add((node.Directives, DirectiveLocation.ArgumentDefinition));
                var type = ResolveType(node.Type);
                if (type is null)
                {
                    continue;
                }

                var arg = new ArgumentDefinition(node.Name.Value, type, node.Description?.Value)
                {
                    DeprecationReason = DeprecationReason(node.Directives),
                    AppliedDirectives = [.. node.Directives.Select(ToApplied)],
                };
                AddDefault(arg, node, $"Argument \"{owner}({arg.Name}:)\"");
                args.Add(arg);
            }

            return args;
        }

        private void AddDefault(InputValueDefinition definition, InputValueDefinitionNode node, string coordinate)
        {
            if (node.DefaultValue is { } literal)
            {
                definition.HasDefaultValue = true;
                _defaults.Add((definition, literal, coordinate));
            }
        }

        private static DirectiveNode? FindDirective(IEnumerable<DirectiveNode> directives, string name)
            => directives.FirstOrDefault(d => d.Name.Value == name);

        private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
        {
            var deprecated = FindDirective(directives, "deprecated");
            if (deprecated is null)
            {
                return null;
            }

            var reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value;
            return reason is StringValueNode s ? s.Value : SpecifiedDirectives.DefaultDeprecationReason;
        }

        private static AppliedDirective ToApplied(DirectiveNode node)
            => new(node.Name.Value, node.Arguments.ToDictionary(a => a.Name.Value, a => ValueCoercion.ValueFromAstUntyped(a.Value), StringComparer.Ordinal));

        private void CheckAppliedDirectives()
        {
            foreach (var (directives, location) in _applied)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var node in directives)
                {
                    var name = node.Name.Value;
                    if (!_directives.TryGetValue(name, out var directive))
                    {
                        errors.Add($"Unknown directive \"@{name}\".");
                        continue;
                    }

                    if (!directive.Locations.Contains(location))
                    {
                        errors.Add($"Directive \"@{name}\" may not be used on {location.ToSpecName()}.");
                    }

                    if (!directive.IsRepeatable && !seen.Add(name))
                    {
                        errors.Add($"The directive \"@{name}\" can only be used once at this location.");
                    }

                    foreach (var arg in node.Arguments)
                    {
                        var argDef = directive.GetArgument(arg.Name.Value);
                        if (argDef is null)
                        {
                            errors.Add($"Unknown argument \"{arg.Name.Value}\" on directive \"@{name}\".");
                        }
                        else if (!ValueCoercion.TryValueFromAst(arg.Value, argDef.Type, null, out _))
                        {
                            errors.Add($"Argument \"@{name}({argDef.Name}:)\" has invalid value {arg.Value}.");
                        }
                    }

                    foreach (var argDef in directive.Arguments)
                    {
                        if (argDef.IsRequired && !node.Arguments.Any(a => a.Name.Value == argDef.Name))
                        {
                            errors.Add($"Argument \"@{name}({argDef.Name}:)\" of type \"{argDef.Type}\" is required, but it was not provided.");
                        }
                    }
                }
            }
        }

        private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) ResolveRoots(SchemaDefinitionNode? schemaDef, List<SchemaExtensionNode> extensions)
        {
            var operationTypes = (schemaDef?.OperationTypes ?? []).Concat(extensions.SelectMany(e => e.OperationTypes)).ToList();
            if (schemaDef is null && operationTypes.Count == 0)
            {
                return (_types.GetValueOrDefault("Query") as ObjectType, _types.GetValueOrDefault("Mutation") as ObjectType, _types.GetValueOrDefault("Subscription") as ObjectType);
            }

            var roots = new ObjectType?[3];
            foreach (var op in operationTypes)
            {
                var index = (int)op.Operation;
                var word = op.Operation.ToString();
                if (roots[index] is not null)
                {
                    errors.Add($"There can be only one {word.ToLowerInvariant()} type in schema.");
                    continue;
                }

                switch (ResolveType(op.Type))
                {
                    case ObjectType o:
                        roots[index] = o;
                        break;
                    case NamedType other:
                        errors.Add(op.Operation == OperationType.Query
                            ? $"Query root type must be Object type, it cannot be {other.Name}."
                            : $"{word} root type must be Object type if provided, it cannot be {other.Name}.");
                        break;
                }
            }

            return (roots[0], roots[1], roots[2]);
        }
    }
}
