using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace MakerMap.GraphQL.Execution;

/// <summary>
/// Compiled getters for CLR properties and fields, created once per (type, field name) and cached,
/// so default field resolution does no reflection per call.
/// </summary>
internal static class MemberAccessors
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Cache = new();

    /// <summary>Finds the public instance property or field matching <paramref name="fieldName"/> (exact, then case-insensitive).</summary>
    public static MemberInfo? FindMember(Type type, string fieldName)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance;
        MemberInfo? Find(BindingFlags flags) =>
            (MemberInfo?)type.GetProperty(fieldName, flags) is { } p && ((PropertyInfo)p).GetIndexParameters().Length == 0 && ((PropertyInfo)p).CanRead
                ? p
                : type.GetField(fieldName, flags);

        try
        {
            return Find(Flags) ?? Find(Flags | BindingFlags.IgnoreCase);
        }
        catch (AmbiguousMatchException)
        {
            return null;
        }
    }

    /// <summary>Gets a cached compiled accessor, or <see langword="null"/> when the type has no such member.</summary>
    public static Func<object, object?>? Get(Type type, string fieldName)
        => Cache.GetOrAdd((type, fieldName), static key => Compile(key.Item1, key.Item2));

    private static Func<object, object?>? Compile(Type type, string fieldName)
    {
        var member = FindMember(type, fieldName);
        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(parameter, type);
        Expression access = member is PropertyInfo property ? Expression.Property(typed, property) : Expression.Field(typed, (FieldInfo)member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }

    /// <summary>Reads a dictionary key or a property of <paramref name="source"/> (the runtime default resolver).</summary>
    public static object? Read(object? source, string fieldName) => source switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(fieldName),
        IDictionary<string, object?> dict => dict.TryGetValue(fieldName, out var v) ? v : null,
        _ => Get(source.GetType(), fieldName)?.Invoke(source),
    };
}
