using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Internal;

/// <summary>
/// Writes each NULL-valued parameter of a command into its SQL as a typed <c>NULL</c> literal, so that
/// optional filters written <c>(@kinds::text[] IS NULL OR …)</c> fold away when PostgreSQL plans the
/// statement.
/// </summary>
/// <remarks>
/// Why: with the NULL passed as a parameter, PostgreSQL cannot fold the filter in a generic plan, so its
/// plan cache judges the generic plan dearer than a custom one and re-plans the prepared statement on
/// every execution. For the nearest-place search that planning (about 0.25 ms) cost more than running
/// the query. With the NULLs inlined each combination of given filters is its own statement text, Npgsql
/// auto-prepares each one, and PostgreSQL settles on a generic plan after five executions.
/// Only for commands whose text is one of the data layer's static SQL strings: the texts are cached by
/// reference, one per combination of NULL parameters, and the cache stops growing at
/// <see cref="MaxCachedTexts"/> in case a caller passes built strings.
/// </remarks>
internal static partial class NullParameterInlining
{
    private const int MaxCachedTexts = 1024;

    private static readonly ConcurrentDictionary<(string Sql, string NullParameters), string> Texts =
        new(new SqlByReference());

    /// <summary>Rewrites <paramref name="command"/>'s text and drops its NULL-valued parameters.</summary>
    /// <exception cref="InvalidOperationException">A NULL parameter has a type this class cannot name.</exception>
    public static void InlineNullParameters(this NpgsqlCommand command)
    {
        var parameters = command.Parameters;
        List<NpgsqlParameter>? nulls = null;
        foreach (NpgsqlParameter parameter in parameters)
        {
            if (parameter.Value is null or DBNull)
            {
                (nulls ??= []).Add(parameter);
            }
        }
        if (nulls is null)
        {
            return;
        }

        var key = (command.CommandText, string.Join(',', nulls.Select(p => p.ParameterName)));
        if (!Texts.TryGetValue(key, out var text))
        {
            text = Inline(command.CommandText, nulls);
            if (Texts.Count < MaxCachedTexts)
            {
                Texts.TryAdd(key, text);
            }
        }
        command.CommandText = text;
        foreach (var parameter in nulls)
        {
            parameters.Remove(parameter);
        }
    }

    /// <summary><paramref name="sql"/> with every <c>@name</c> of the parameters replaced by a typed NULL.</summary>
    internal static string Inline(string sql, IEnumerable<NpgsqlParameter> nullParameters)
    {
        var types = nullParameters.ToDictionary(p => p.ParameterName.TrimStart('@'), p => SqlTypeOf(p), StringComparer.Ordinal);
        return PlaceholderPattern().Replace(sql, match =>
            types.TryGetValue(match.Groups[1].Value, out var type) ? $"(NULL::{type})" : match.Value);
    }

    private static string SqlTypeOf(NpgsqlParameter parameter)
    {
        var type = parameter.NpgsqlDbType;
        var isArray = type.HasFlag(NpgsqlDbType.Array);
        var element = type & ~NpgsqlDbType.Array;
        var name = element switch
        {
            NpgsqlDbType.Text => "text",
            NpgsqlDbType.Uuid => "uuid",
            NpgsqlDbType.Double => "float8",
            NpgsqlDbType.Integer => "int4",
            NpgsqlDbType.Bigint => "int8",
            NpgsqlDbType.Boolean => "boolean",
            NpgsqlDbType.TimestampTz => "timestamptz",
            NpgsqlDbType.Date => "date",
            _ => throw new InvalidOperationException(
                $"parameter {parameter.ParameterName} is NULL and of type {type}, which NullParameterInlining cannot name"),
        };
        return isArray ? name + "[]" : name;
    }

    // @name, not part of a longer identifier; the SQL files never put @ inside string literals.
    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex PlaceholderPattern();

    private sealed class SqlByReference : IEqualityComparer<(string Sql, string NullParameters)>
    {
        public bool Equals((string Sql, string NullParameters) x, (string Sql, string NullParameters) y) =>
            ReferenceEquals(x.Sql, y.Sql) && string.Equals(x.NullParameters, y.NullParameters, StringComparison.Ordinal);

        public int GetHashCode((string Sql, string NullParameters) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Sql), obj.NullParameters);
    }
}
