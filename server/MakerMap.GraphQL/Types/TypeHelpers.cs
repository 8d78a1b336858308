namespace MakerMap.GraphQL.Types;

/// <summary>Predicates and comparisons over types (graphql-js <c>definition.ts</c> and <c>typeComparators.ts</c>).</summary>
public static class TypeHelpers
{
    /// <summary>Scalars, enums, input objects and wrappers of them.</summary>
    public static bool IsInputType(GraphQLType type) => GetNamedType(type) is ScalarType or EnumType or InputObjectType;

    /// <summary>Everything except input objects (and wrappers of them).</summary>
    public static bool IsOutputType(GraphQLType type) => GetNamedType(type) is not InputObjectType;

    /// <summary>Scalars and enums.</summary>
    public static bool IsLeafType(GraphQLType type) => type is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions.</summary>
    public static bool IsCompositeType(GraphQLType type) => type is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions.</summary>
    public static bool IsAbstractType(GraphQLType type) => type is InterfaceType or UnionType;

    /// <summary>Strips list and non-null wrappers.</summary>
    public static NamedType GetNamedType(GraphQLType type)
    {
        while (true)
        {
            switch (type)
            {
                case NamedType n:
                    return n;
                case ListType l:
                    type = l.OfType;
                    break;
                case NonNullType nn:
                    type = nn.OfType;
                    break;
                default:
                    throw new ArgumentException("Unknown type wrapper.", nameof(type));
            }
        }
    }

    /// <summary>Strips one non-null wrapper if present.</summary>
    public static GraphQLType GetNullableType(GraphQLType type) => type is NonNullType nn ? nn.OfType : type;

    /// <summary>Whether two type references are the same.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        _ when ReferenceEquals(a, b) => true,
        (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
        (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
        (NamedType x, NamedType y) => x.Name == y.Name,
        _ => false,
    };

    /// <summary>Whether <paramref name="maybeSubType"/> can be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (IsEqualType(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nn)
        {
            return IsTypeSubTypeOf(schema, nn.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return IsAbstractType(superType)
            && maybeSubType is InterfaceType or ObjectType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>Whether two composite types could both apply to some object (used by fragment validation).</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType typeA, NamedType typeB)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        if (IsAbstractType(typeA))
        {
            if (IsAbstractType(typeB))
            {
                foreach (var t in schema.GetPossibleTypes(typeB))
                {
                    if (schema.IsSubType(typeA, t))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(typeA, typeB);
        }

        return IsAbstractType(typeB) && schema.IsSubType(typeB, typeA);
    }
}
