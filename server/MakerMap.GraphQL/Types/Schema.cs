namespace MakerMap.GraphQL.Types;

/// <summary>
/// An executable schema: root operation types, every named type reachable from them (including the
/// introspection types) and the directives. Immutable once built; safe to share across threads.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, List<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, List<InterfaceType>> _interfaceImplementations = [];
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];

    /// <summary>Creates a schema from root types, extra types and directives.</summary>
    /// <param name="query">The query root type (required for a valid schema).</param>
    /// <param name="mutation">The mutation root type.</param>
    /// <param name="subscription">The subscription root type.</param>
    /// <param name="types">Additional types (e.g. implementations only reachable through interfaces).</param>
    /// <param name="directives">Directives; <see langword="null"/> means the built-in ones.</param>
    /// <param name="description">The schema description.</param>
    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;
        Directives = [.. directives ?? SpecifiedDirectives.All];
        foreach (var d in Directives)
        {
            _directives.TryAdd(d.Name, d);
        }

        // Same discovery order as graphql-js: extra types first (depth-first), then roots, directive
        // arguments and the introspection types, so introspection lists types in the same order.
        var order = new List<NamedType>();
        var extra = types?.ToList() ?? [];
        foreach (var t in extra)
        {
            if (_typeMap.TryAdd(t.Name, t))
            {
                order.Add(t);
            }
        }

        // graphql-js: each user type is moved to the end when its turn comes, followed by the
        // types it references that were not seen yet.
        foreach (var t in extra)
        {
            if (_typeMap.Remove(t.Name))
            {
                order.Remove(t);
            }

            Collect(t, order);
        }

        foreach (var t in new NamedType?[] { query, mutation, subscription })
        {
            Collect(t, order);
        }

        foreach (var d in Directives)
        {
            foreach (var a in d.Arguments)
            {
                Collect(TypeHelpers.GetNamedType(a.Type), order);
            }
        }

        Collect(Introspection.IntrospectionTypes.Schema, order);

        Types = order;
        foreach (var t in order)
        {
            switch (t)
            {
                case UnionType u:
                    _possibleTypes[u] = [.. u.Types];
                    break;
                case ComplexType c:
                    foreach (var i in c.Interfaces)
                    {
                        if (c is ObjectType o)
                        {
                            GetOrAdd(_possibleTypes, i).Add(o);
                        }
                        else
                        {
                            GetOrAdd(_interfaceImplementations, i).Add((InterfaceType)c);
                        }
                    }

                    break;
            }
        }

        // Precomputed so the hot path (fragment type conditions) needs no lock.
        foreach (var t in order)
        {
            if (t is UnionType or InterfaceType)
            {
                var set = new HashSet<NamedType>(GetPossibleTypes(t));
                if (t is InterfaceType i)
                {
                    set.UnionWith(GetInterfaceImplementations(i));
                }

                _subTypes[t] = set;
            }
        }
    }

    /// <summary>The schema description.</summary>
    public string? Description { get; }

    /// <summary>The query root type.</summary>
    public ObjectType? QueryType { get; }

    /// <summary>The mutation root type, if any.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The subscription root type, if any.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types in discovery order (roots first, introspection types last).</summary>
    public IReadOnlyList<NamedType> Types { get; }

    /// <summary>The type map keyed by name.</summary>
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    /// <summary>The directives in definition order (built-ins first unless overridden).</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>Directives applied to the schema definition in SDL.</summary>
    public IReadOnlyList<AppliedDirective> AppliedDirectives { get; internal set; } = [];

    /// <summary>Finds a named type.</summary>
    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    /// <summary>Finds a directive by name (without <c>@</c>).</summary>
    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The object types a value of <paramref name="abstractType"/> may have at runtime.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        ObjectType o => [o],
        _ => _possibleTypes.TryGetValue(abstractType, out var list) ? list : [],
    };

    /// <summary>The interfaces that declare they implement <paramref name="iface"/>.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType iface)
        => _interfaceImplementations.TryGetValue(iface, out var list) ? list : [];

    /// <summary>Whether <paramref name="maybeSubType"/> is a possible type (union member or implementation) of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
        => _subTypes.TryGetValue(abstractType, out var set) && set.Contains(maybeSubType);

    /// <summary>Whether <paramref name="objectType"/> is a possible runtime type of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) => IsSubType(abstractType, objectType);

    private static List<TV> GetOrAdd<TK, TV>(Dictionary<TK, List<TV>> map, TK key)
        where TK : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    private void Collect(NamedType? type, List<NamedType> order)
    {
        if (type is null || !_typeMap.TryAdd(type.Name, type))
        {
            return;
        }

        order.Add(type);
        switch (type)
        {
            case ComplexType c:
                foreach (var i in c.Interfaces)
                {
                    Collect(i, order);
                }

                foreach (var f in c.Fields)
                {
                    Collect(TypeHelpers.GetNamedType(f.Type), order);
                    foreach (var a in f.Arguments)
                    {
                        Collect(TypeHelpers.GetNamedType(a.Type), order);
                    }
                }

                break;
            case UnionType u:
                foreach (var m in u.Types)
                {
                    Collect(m, order);
                }

                break;
            case InputObjectType io:
                foreach (var f in io.Fields)
                {
                    Collect(TypeHelpers.GetNamedType(f.Type), order);
                }

                break;
        }
    }
}
