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
    // Gent's box, the one bench/wrk/nearest-10.lua draws its points from
    private const double West = 3.65, South = 51.00, WidthDegrees = 0.15, HeightDegrees = 0.10;

    public static string Build(int limit)
    {
        using var command = new NpgsqlCommand(GraphSql.FindNearestPlaceRows);
        PlaceQueries.AddNearestSearchParameters(command, new NearestPlacesQuery { Longitude = West, Latitude = South, Limit = limit });
        var statement = StatementText.Rewrite(command.CommandText, command.Parameters);
        var remaining = statement.ParameterNames.Order(StringComparer.Ordinal);
        if (!remaining.SequenceEqual(["lat", "limit", "lon"]))
        {
            throw new InvalidOperationException("the nearest search binds other parameters than lon, lat and limit: " + string.Join(", ", remaining));
        }

        var script = new StringBuilder();
        // pgbench's random() is an integer: draw micro-degrees
        script.AppendLine(CultureInfo.InvariantCulture, $"\\set lon {West:F2} + random(0, {WidthDegrees * 1e6}) / 1000000.0");
        script.AppendLine(CultureInfo.InvariantCulture, $"\\set lat {South:F2} + random(0, {HeightDegrees * 1e6}) / 1000000.0");
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
