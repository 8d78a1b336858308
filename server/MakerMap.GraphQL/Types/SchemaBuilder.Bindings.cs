using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    private sealed partial class BuildState
    {
        private void ApplyBindings(ObjectType? subscriptionRoot)
        {
            foreach (var ((typeName, fieldName), resolver) in builder._resolvers)
            {
                if (!_types.TryGetValue(typeName, out var type))
                {
                    errors.Add($"Cannot bind a resolver to \"{typeName}.{fieldName}\": type \"{typeName}\" is not defined in the schema.");
                }
                else if (type is not ComplexType complex)
                {
                    errors.Add($"Cannot bind a resolver to \"{typeName}.{fieldName}\": \"{typeName}\" is not an object or interface type.");
                }
                else if (complex.GetField(fieldName) is not { } field)
                {
                    errors.Add($"Cannot bind a resolver to \"{typeName}.{fieldName}\": type \"{typeName}\" has no field \"{fieldName}\".");
                }
                else
                {
                    field.Resolver = resolver;
                }
            }

            foreach (var (typeName, clrType) in builder._clrTypes)
            {
                if (_types.GetValueOrDefault(typeName) is ObjectType o)
                {
                    o.ClrType = clrType;
                    o.IsTypeOf = clrType.IsInstanceOfType;
                }
                else
                {
                    errors.Add($"Cannot bind CLR type {clrType.Name} to \"{typeName}\": no object type with that name is defined in the schema.");
                }
            }

            foreach (var (typeName, resolver) in builder._typeResolvers)
            {
                switch (_types.GetValueOrDefault(typeName))
                {
                    case InterfaceType i:
                        i.ResolveType = resolver;
                        break;
                    case UnionType u:
                        u.ResolveType = resolver;
                        break;
                    default:
                        errors.Add($"Cannot bind a type resolver to \"{typeName}\": no interface or union with that name is defined in the schema.");
                        break;
                }
            }

            foreach (var name in builder._scalars.Keys)
            {
                if (_types.GetValueOrDefault(name) is not ScalarType)
                {
                    errors.Add($"Cannot bind scalar \"{name}\": no scalar with that name is declared in the schema.");
                }
            }

            foreach (var (fieldName, stream) in builder._subscriptions)
            {
                if (subscriptionRoot?.GetField(fieldName) is not { } field)
                {
                    errors.Add($"Cannot bind a subscription to \"{fieldName}\": the schema has no subscription field with that name.");
                    continue;
                }

                field.StreamResolver = stream;
                field.Resolver ??= builder._subscriptionResolvers[fieldName];
            }

            foreach (var type in _types.Values)
            {
                if (type is ObjectType o)
                {
                    AssignDefaultResolvers(o, ReferenceEquals(o, subscriptionRoot));
                }
            }
        }

        // After every resolver is known; fields without arguments keep their fast default path.
        private void ApplyWrappers()
        {
            if (builder._wrappers.Count == 0)
            {
                return;
            }

            foreach (var type in _types.Values.OfType<ObjectType>())
            {
                foreach (var field in type.Fields)
                {
                    if (field.Arguments.Count == 0 || field.Resolver is not { } resolver)
                    {
                        continue;
                    }

                    foreach (var wrap in builder._wrappers)
                    {
                        resolver = wrap(type, field, resolver);
                    }

                    field.Resolver = resolver;
                }
            }
        }

        private void BindEnum(string name, Type clrEnum)
        {
            if (_types.GetValueOrDefault(name) is not EnumType enumType)
            {
                errors.Add($"Cannot bind CLR enum {clrEnum.Name} to \"{name}\": no enum with that name is defined in the schema.");
                return;
            }

            var members = Enum.GetValues(clrEnum).Cast<object>().ToDictionary(v => Normalize(v.ToString()!), StringComparer.Ordinal);
            foreach (var value in enumType.Values)
            {
                if (members.TryGetValue(Normalize(value.Name), out var member))
                {
                    value.Value = member;
                }
                else
                {
                    errors.Add($"Enum value \"{name}.{value.Name}\" has no matching member in CLR enum {clrEnum.Name}.");
                }
            }

            enumType.Values = enumType.Values;
        }

        private static void UseSourceReader(FieldDefinition field, Func<object?, object?> read)
        {
            field.Resolver = ctx => new ValueTask<object?>(read(ctx.Source));
            field.SourceReader = read;
        }

        private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

        private void AssignDefaultResolvers(ObjectType type, bool isSubscriptionRoot)
        {
            foreach (var field in type.Fields)
            {
                if (isSubscriptionRoot && field.StreamResolver is null)
                {
                    errors.Add($"Subscription field \"{type.Name}.{field.Name}\" has no source stream: bind one with BindSubscription(\"{field.Name}\", ...).");
                    continue;
                }

                if (field.Resolver is not null)
                {
                    continue;
                }

                var inherited = type.Interfaces.Select(i => i.GetField(field.Name)).FirstOrDefault(f => f?.Resolver is not null);
                if (inherited is not null)
                {
                    field.Resolver = inherited.Resolver;
                    field.SourceReader = inherited.SourceReader;
                    continue;
                }

                var name = field.Name;
                if (type.ClrType is { } clr)
                {
                    if (typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(clr) || typeof(IDictionary<string, object?>).IsAssignableFrom(clr))
                    {
                        UseSourceReader(field, source => MemberAccessors.Read(source, name));
                        continue;
                    }

                    // Compiled once here; the resolver is a cast plus a delegate call.
                    if (MemberAccessors.Get(clr, name) is { } accessor)
                    {
                        UseSourceReader(field, source => source is null ? null : accessor(source));
                        continue;
                    }

                    if (!builder._defaultFieldResolver)
                    {
                        errors.Add($"Field \"{type.Name}.{name}\" has no resolver and CLR type {clr.Name} bound to \"{type.Name}\" has no property or field \"{name}\".");
                        continue;
                    }
                }

                if (builder._defaultFieldResolver)
                {
                    UseSourceReader(field, source => MemberAccessors.Read(source, name));
                    continue;
                }

                errors.Add($"Field \"{type.Name}.{name}\" has no resolver: bind one with Bind(\"{type.Name}\", \"{name}\", ...), bind \"{type.Name}\" to a CLR type with BindType<T>(), or call UseDefaultFieldResolver().");
            }
        }
    }
}
