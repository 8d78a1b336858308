using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MakerMap.GraphQL.Execution;

/// <summary>An ordered response object: keys in selection order, sized once per selection set.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A response object, named as in the spec's result map.")]
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;
    private int _count;

    internal ResultMap(int capacity)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new object?[capacity];
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _keys.Take(_count);

    /// <inheritdoc/>
    public IEnumerable<object?> Values => _values.Take(_count);

    /// <inheritdoc/>
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal int Add(string key)
    {
        _keys[_count] = key;
        return _count++;
    }

    internal void Set(int slot, object? value) => _values[slot] = value;

    internal string KeyAt(int index) => _keys[index];

    internal object? ValueAt(int index) => _values[index];

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
