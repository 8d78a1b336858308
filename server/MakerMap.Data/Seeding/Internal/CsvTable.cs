using System.Text;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// A small CSV reader for the population files: the separator (comma, semicolon, tab or pipe) is the
/// one the header line uses most, fields may be double-quoted (RFC 4180), and rows keep their line number
/// for error messages. Statbel publishes <c>OPENDATA_SECTOREN_YYYY</c> as a spreadsheet and as delimited
/// text; both save to this shape.
/// </summary>
internal sealed class CsvTable
{
    private static readonly char[] Separators = [',', ';', '\t', '|'];

    private readonly Dictionary<string, int> _columns;

    private CsvTable(string fileName, Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        FileName = fileName;
        _columns = columns;
        Rows = rows;
    }

    public string FileName { get; }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public static CsvTable Read(string path)
    {
        var fileName = Path.GetFileName(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedFileException(fileName, null, $"cannot be read: {e.Message}", e);
        }
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new SeedFileException(fileName, null, "is empty; expected a header line");
        }
        var header = lines[0].TrimStart('\uFEFF');
        var separator = Separators.MaxBy(c => header.Count(h => h == c));
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = Split(header, separator);
        for (var i = 0; i < names.Length; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }
        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                rows.Add((i + 1, Split(lines[i], separator)));
            }
        }
        return new CsvTable(fileName, columns, rows);
    }

    /// <summary>The index of the first of <paramref name="names"/> the header has.</summary>
    public int Column(params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index))
            {
                return index;
            }
        }
        throw new SeedFileException(FileName, "line 1", $"has no column {string.Join(" or ", names)}");
    }

    public string Field(int line, string[] fields, int column) =>
        column < fields.Length ? fields[column].Trim() : throw new SeedFileException(FileName, $"line {line}", $"has only {fields.Length} fields");

    private static string[] Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
