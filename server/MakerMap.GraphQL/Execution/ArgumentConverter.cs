using System.Globalization;

namespace MakerMap.GraphQL.Execution;

/// <summary>Converts coerced argument values (int, double, string, bool, dictionaries, lists) to requested CLR types.</summary>
internal static class ArgumentConverter
{
    public static T Convert<T>(object? value, string name)
    {
        if (value is T t)
        {
            return t;
        }

        if (value is null)
        {
            return default(T) is null ? default! : throw new InvalidOperationException($"Argument \"{name}\" is null.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string s)
        {
            return (T)Enum.Parse(target, s.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        }

        if (target == typeof(Guid) && value is string g)
        {
            return (T)(object)Guid.Parse(g, CultureInfo.InvariantCulture);
        }

        if (value is IConvertible)
        {
            return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"Argument \"{name}\" of type {value.GetType().Name} cannot be converted to {typeof(T).Name}.");
    }
}
