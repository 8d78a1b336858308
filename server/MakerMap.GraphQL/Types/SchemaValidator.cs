using MakerMap.GraphQL.Types.Introspection;

namespace MakerMap.GraphQL.Types;

/// <summary>
/// Type-system validation (https://spec.graphql.org/September2025/#sec-Type-System), graphql-js
/// <c>validateSchema</c> messages: root types, names, fields, interfaces, unions, enums and input objects.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(Schema schema, List<string> errors)
    {
        if (schema.QueryType is null)
        {
            errors.Add("Query root type must be provided.");
        }

        var roots = new (string Word, ObjectType? Type)[] { ("query", schema.QueryType), ("mutation", schema.MutationType), ("subscription", schema.SubscriptionType) };
        foreach (var group in roots.Where(r => r.Type is not null).GroupBy(r => r.Type!))
        {
            if (group.Count() > 1)
            {
                var words = group.Select(g => g.Word).ToList();
                errors.Add($"All root types must be different, \"{group.Key.Name}\" type is used as {string.Join(" and ", words)} root types.");
            }
        }

        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified && ReferenceEquals(SpecifiedDirectives.All.FirstOrDefault(d => d.Name == directive.Name), directive))
            {
                continue;
            }

            ValidateName(directive.Name, errors);
            foreach (var arg in directive.Arguments)
            {
                ValidateName(arg.Name, errors);
                if (!TypeHelpers.IsInputType(arg.Type))
                {
                    errors.Add($"The type of @{directive.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.");
                }

                if (arg.IsRequired && arg.IsDeprecated)
                {
                    errors.Add($"Required argument @{directive.Name}({arg.Name}:) cannot be deprecated.");
                }
            }
        }

        foreach (var type in schema.Types)
        {
            if (IntrospectionTypes.IsIntrospectionType(type.Name) || type is ScalarType { IsSpecified: true })
            {
                continue;
            }

            ValidateName(type.Name, errors);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(schema, complex, errors);
                    ValidateInterfaces(complex, errors);
                    break;
                case UnionType union:
                    ValidateUnion(union, errors);
                    break;
                case EnumType e:
                    if (e.Values.Count == 0)
                    {
                        errors.Add($"Enum type {e.Name} must define one or more values.");
                    }

                    foreach (var v in e.Values)
                    {
                        ValidateName(v.Name, errors);
                        if (v.Name is "true" or "false" or "null")
                        {
                            errors.Add($"Enum type {e.Name} cannot include value: {v.Name}.");
                        }
                    }

                    break;
                case InputObjectType io:
                    ValidateInputObject(io, errors);
                    break;
            }
        }

        InputObjectCycles.Validate(schema, errors);
    }

    private static void ValidateName(string name, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private static void ValidateFields(Schema schema, ComplexType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, errors);
            if (!TypeHelpers.IsOutputType(field.Type))
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            foreach (var arg in field.Arguments)
            {
                ValidateName(arg.Name, errors);
                if (!TypeHelpers.IsInputType(arg.Type))
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.");
                }

                if (arg.IsRequired && arg.IsDeprecated)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated.");
                }
            }
        }

        _ = schema;
    }

    private static void ValidateInterfaces(ComplexType type, List<string> errors)
    {
        var seen = new HashSet<InterfaceType>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!seen.Add(iface))
            {
                errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    errors.Add(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            ValidateImplementation(type, iface, errors);
        }
    }

    private static void ValidateImplementation(ComplexType type, InterfaceType iface, List<string> errors)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var field = type.GetField(ifaceField.Name);
            if (field is null)
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!IsValidImplementationFieldType(field.Type, ifaceField.Type))
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
            }

            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var arg = field.GetArgument(ifaceArg.Name);
                if (arg is null)
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                    continue;
                }

                if (!TypeHelpers.IsEqualType(ifaceArg.Type, arg.Type))
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.");
                }
            }

            foreach (var arg in field.Arguments)
            {
                if (arg.IsRequired && ifaceField.GetArgument(arg.Name) is null)
                {
                    errors.Add($"Object field {type.Name}.{field.Name} includes required argument {arg.Name} that is missing from the Interface field {iface.Name}.{ifaceField.Name}.");
                }
            }
        }
    }

    // Covariant field types: https://spec.graphql.org/September2025/#IsValidImplementationFieldType()
    private static bool IsValidImplementationFieldType(GraphQLType fieldType, GraphQLType implementedType)
    {
        if (fieldType is NonNullType nn)
        {
            return IsValidImplementationFieldType(nn.OfType, implementedType is NonNullType inn ? inn.OfType : implementedType);
        }

        if (implementedType is NonNullType)
        {
            return false;
        }

        if (fieldType is ListType list)
        {
            return implementedType is ListType ilist && IsValidImplementationFieldType(list.OfType, ilist.OfType);
        }

        if (implementedType is ListType)
        {
            return false;
        }

        if (ReferenceEquals(fieldType, implementedType))
        {
            return true;
        }

        return (fieldType, implementedType) switch
        {
            (ObjectType o, UnionType u) => u.Types.Contains(o),
            (ComplexType c, InterfaceType i) => c.Interfaces.Contains(i),
            _ => false,
        };
    }

    private static void ValidateUnion(UnionType union, List<string> errors)
    {
        if (union.Types.Count == 0)
        {
            errors.Add($"Union type {union.Name} must define one or more member types.");
        }

        var seen = new HashSet<ObjectType>();
        foreach (var member in union.Types)
        {
            if (!seen.Add(member))
            {
                errors.Add($"Union type {union.Name} can only include type {member.Name} once.");
            }
        }
    }

    private static void ValidateInputObject(InputObjectType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Input Object type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, errors);
            if (!TypeHelpers.IsInputType(field.Type))
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                errors.Add($"Required input field {type.Name}.{field.Name} cannot be deprecated.");
            }

            if (type.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    errors.Add($"OneOf input field {type.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {type.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    /// <summary>Input objects must not reference themselves through non-null fields only (they could never be built).</summary>
    private sealed class InputObjectCycles
    {
        private readonly HashSet<InputObjectType> _visited = [];
        private readonly List<InputFieldDefinition> _path = [];
        private readonly Dictionary<InputObjectType, int> _pathIndex = [];
        private readonly List<string> _errors;

        private InputObjectCycles(List<string> errors) => _errors = errors;

        public static void Validate(Schema schema, List<string> errors)
        {
            var detector = new InputObjectCycles(errors);
            foreach (var type in schema.Types.OfType<InputObjectType>())
            {
                detector.Detect(type);
            }
        }

        private void Detect(InputObjectType type)
        {
            if (!_visited.Add(type))
            {
                return;
            }

            _pathIndex[type] = _path.Count;
            foreach (var field in type.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _path.Add(field);
                    if (_pathIndex.TryGetValue(fieldType, out var cycleIndex))
                    {
                        var cycle = string.Join(".", _path.Skip(cycleIndex).Select(f => f.Name));
                        _errors.Add($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{cycle}\".");
                    }
                    else
                    {
                        Detect(fieldType);
                    }

                    _path.RemoveAt(_path.Count - 1);
                }
            }

            _pathIndex.Remove(type);
        }
    }
}
