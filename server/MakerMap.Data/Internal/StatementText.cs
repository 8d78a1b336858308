using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Internal;

/// <summary>
/// Rewrites a command's SQL once per combination of NULL-valued parameters, for PostgreSQL's and Npgsql's
/// statement caches: each NULL-valued parameter is written into the text as a typed <c>NULL</c> literal, and
/// the other <c>@name</c> placeholders become <c>$1</c>, <c>$2</c>, … with the parameters unnamed, in that
/// order.
/// </summary>
/// <remarks>
/// Why the NULLs: with a NULL passed as a parameter, PostgreSQL cannot fold an optional filter written
/// <c>(@kinds::text[] IS NULL OR …)</c> in a generic plan, so its plan cache judges the generic plan dearer
/// than a custom one and re-plans the prepared statement on every execution. For the nearest-place search that
/// planning (about 0.25 ms) cost more than running the query. With the NULLs inlined each combination of given
/// filters is its own statement text, Npgsql auto-prepares each one, and PostgreSQL settles on a generic plan
/// after five executions.
/// Why the numbers: Npgsql parses a command with named parameters on every execution to number them, which
/// for the 3 KB Place-row search meant scanning it and building a new 3 KB string per request; a command with
/// positional parameters is sent as it is.
/// Only for commands whose text is one of the data layer's static SQL strings: the texts are cached by
/// reference, and the cache stops growing at <see cref="MaxCachedTexts"/> in case a caller passes built strings.
/// </remarks>
internal static partial class StatementText
{
    private const int MaxCachedTexts = 1024;

    private static readonly ConcurrentDictionary<(string Sql, string Pattern), Rewritten> Texts = new(new SqlByReference());

    /// <summary>A rewritten text and the parameter names its <c>$1</c>, <c>$2</c>, … stand for.</summary>
    internal sealed record Rewritten(string Text, string[] ParameterNames);

    /// <summary>
    /// Rewrites <paramref name="command"/>'s text (see the class), drops its NULL-valued parameters and leaves
    /// the others unnamed in the order of their numbers. Parameters the text does not use are dropped too.
    /// </summary>
    /// <exception cref="InvalidOperationException">A NULL parameter has a type this class cannot name.</exception>
    public static void UseCachedStatementText(this NpgsqlCommand command)
    {
        var parameters = command.Parameters.ToList();
        var pattern = string.Join(',', parameters.Select(p => (IsNull(p) ? "null:" : "") + Name(p)));
        var key = (command.CommandText, pattern);
        if (!Texts.TryGetValue(key, out var rewritten))
        {
            rewritten = Rewrite(command.CommandText, parameters);
            if (Texts.Count < MaxCachedTexts)
            {
                Texts.TryAdd(key, rewritten);
            }
        }

        var byName = parameters.ToDictionary(Name, StringComparer.Ordinal);
        command.Parameters.Clear();
        command.CommandText = rewritten.Text;
        foreach (var name in rewritten.ParameterNames)
        {
            var parameter = byName[name];
            parameter.ParameterName = string.Empty;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>
    /// <paramref name="sql"/> with every <c>@name</c> of a NULL-valued parameter replaced by a typed NULL and
    /// every other parameter's <c>@name</c> by its number; placeholders of names not among
    /// <paramref name="parameters"/> stay as they are.
    /// </summary>
    internal static Rewritten Rewrite(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var byName = parameters.ToDictionary(Name, StringComparer.Ordinal);
        var numbered = new List<string>();
        var text = PlaceholderPattern().Replace(sql, match =>
        {
            var name = match.Groups[1].Value;
            if (!byName.TryGetValue(name, out var parameter))
            {
                return match.Value;
            }
            if (IsNull(parameter))
            {
                return $"(NULL::{SqlTypeOf(parameter)})";
            }
            var index = numbered.IndexOf(name);
            if (index < 0)
            {
                numbered.Add(name);
                index = numbered.Count - 1;
            }
            return "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return new Rewritten(text, [.. numbered]);
    }

    private static string Name(NpgsqlParameter parameter) => parameter.ParameterName.TrimStart('@');

    private static bool IsNull(NpgsqlParameter parameter) => parameter.Value is null or DBNull;

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
                $"parameter {parameter.ParameterName} is NULL and of type {type}, which StatementText cannot name"),
        };
        return isArray ? name + "[]" : name;
    }

    // @name, not part of a longer identifier; the SQL files never put @ inside string literals.
    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex PlaceholderPattern();

    private sealed class SqlByReference : IEqualityComparer<(string Sql, string Pattern)>
    {
        public bool Equals((string Sql, string Pattern) x, (string Sql, string Pattern) y) =>
            ReferenceEquals(x.Sql, y.Sql) && string.Equals(x.Pattern, y.Pattern, StringComparison.Ordinal);

        public int GetHashCode((string Sql, string Pattern) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Sql), obj.Pattern);
    }
}
