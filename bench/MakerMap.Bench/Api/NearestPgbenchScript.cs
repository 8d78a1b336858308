using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MakerMap.Data.Graph;
using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using Npgsql;

namespace MakerMap.Bench.Api;

/// <summary>
/// The pgbench script for the raw-SQL side of scripts/bench-api.sh: the statement the server sends for
/// <c>nearestPlaces(near: …, first: 10)</c>, built by the same code (the Place-row query with its absent
/// filters written in as NULLs), with its numbered parameters (<c>lon</c>, <c>lat</c>, <c>limit</c>) as pgbench variables, so
/// pgbench -M prepared binds them as parameters just as Npgsql does.
/// </summary>
internal static partial class NearestPgbenchScript
{
    /// <summary>Gent's box, the one bench/wrk/nearest-10.lua draws its points from (west, south, width, height in degrees).</summary>
    public static readonly (double West, double South, double Width, double Height) Gent = (3.65, 51.00, 0.15, 0.10);

    /// <summary>Flanders' box, the one <see cref="Nearest.NearestBenchmark"/> draws its points from.</summary>
    public static readonly (double West, double South, double Width, double Height) Flanders =
        (Nearest.NearestBenchmark.West, Nearest.NearestBenchmark.South,
         Nearest.NearestBenchmark.East - Nearest.NearestBenchmark.West, Nearest.NearestBenchmark.North - Nearest.NearestBenchmark.South);

    public static string Build(int limit, (double West, double South, double Width, double Height) box)
    {
        var (west, south, widthDegrees, heightDegrees) = box;
        using var command = new NpgsqlCommand(GraphSql.FindNearestPlaceRows);
        NearestSearch.AddParameters(command, new NearestPlacesQuery { Longitude = west, Latitude = south, Limit = limit }, openValues: null);
        var statement = StatementText.Rewrite(command.CommandText, command.Parameters);
        var remaining = statement.ParameterNames.Order(StringComparer.Ordinal);
        if (!remaining.SequenceEqual(["lat", "limit", "lon"]))
        {
            throw new InvalidOperationException("the nearest search binds other parameters than lon, lat and limit: " + string.Join(", ", remaining));
        }

        var script = new StringBuilder();
        // pgbench's random() is an integer: draw micro-degrees
        script.AppendLine(CultureInfo.InvariantCulture, $"\\set lon {west:F2} + random(0, {widthDegrees * 1e6}) / 1000000.0");
        script.AppendLine(CultureInfo.InvariantCulture, $"\\set lat {south:F2} + random(0, {heightDegrees * 1e6}) / 1000000.0");
        script.AppendLine(CultureInfo.InvariantCulture, $"\\set limit {limit}");
        // pgbench substitutes its variables in comments too, so the comments go (the query has no "--" in
        // a string literal)
        foreach (var line in statement.Text.Split('\n'))
        {
            var code = line.Split("--", 2)[0].TrimEnd();
            if (code.Length > 0)
            {
                script.AppendLine(Placeholder().Replace(code, match => ":" + statement.ParameterNames[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1]));
            }
        }
        return script.Append(';').AppendLine().ToString();
    }

    [GeneratedRegex(@"\$([0-9]+)\b")]
    private static partial Regex Placeholder();
}
