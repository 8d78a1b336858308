using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MakerMap.GraphQL.Errors;

namespace MakerMap.GraphQL.Language;

/// <summary>
/// Turns a <see cref="Source"/> into <see cref="Token"/>s on demand, skipping ignored tokens
/// (white space, line terminators, commas, comments, the byte order mark).
/// https://spec.graphql.org/September2025/#sec-Language.Source-Text
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private int _line = 1;
    private int _lineStart;

    /// <summary>Creates a lexer positioned at the start-of-file token.</summary>
    public Lexer(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        _body = source.Body;
        Token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1, null);
        LastToken = Token;
    }

    /// <summary>The source being lexed.</summary>
    public Source Source { get; }

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The previous token (the one before <see cref="Token"/>).</summary>
    public Token LastToken { get; private set; }

    /// <summary>Advances to the next non-ignored token and returns it.</summary>
    public Token Advance()
    {
        LastToken = Token;
        Token = ReadNextToken(Token.End);
        return Token;
    }

    /// <summary>Returns the token after the current one without consuming it.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.EndOfFile)
        {
            return Token;
        }

        var line = _line;
        var lineStart = _lineStart;
        var next = ReadNextToken(Token.End);
        _line = line;
        _lineStart = lineStart;
        return next;
    }

    // https://spec.graphql.org/September2025/#Token
    private Token ReadNextToken(int start)
    {
        var body = _body;
        var length = body.Length;
        var position = start;
        while (position < length)
        {
            var c = body[position];
            switch (c)
            {
                // https://spec.graphql.org/September2025/#Ignored
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += position + 1 < length && body[position + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!': return Punctuator(TokenKind.Bang, position);
                case '$': return Punctuator(TokenKind.Dollar, position);
                case '&': return Punctuator(TokenKind.Amp, position);
                case '(': return Punctuator(TokenKind.ParenLeft, position);
                case ')': return Punctuator(TokenKind.ParenRight, position);
                case '.':
                    if (position + 2 < length && body[position + 1] == '.' && body[position + 2] == '.')
                    {
                        return Create(TokenKind.Spread, position, position + 3, null);
                    }

                    break;
                case ':': return Punctuator(TokenKind.Colon, position);
                case '=': return Punctuator(TokenKind.EqualsSign, position);
                case '@': return Punctuator(TokenKind.At, position);
                case '[': return Punctuator(TokenKind.BracketLeft, position);
                case ']': return Punctuator(TokenKind.BracketRight, position);
                case '{': return Punctuator(TokenKind.BraceLeft, position);
                case '|': return Punctuator(TokenKind.Pipe, position);
                case '}': return Punctuator(TokenKind.BraceRight, position);
                case '"':
                    if (position + 2 < length && body[position + 1] == '"' && body[position + 2] == '"')
                    {
                        return ReadBlockString(position);
                    }

                    return ReadString(position);
            }

            if (IsDigit(c) || c == '-')
            {
                return ReadNumber(position, c);
            }

            if (IsNameStart(c))
            {
                return ReadName(position);
            }

            if (c == '\'')
            {
                Throw(position, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
            }

            Throw(position, IsUnicodeScalarValue(c) || IsSupplementaryCodePoint(position)
                ? $"Unexpected character: {PrintCodePointAt(position)}."
                : $"Invalid character: {PrintCodePointAt(position)}.");
        }

        return Create(TokenKind.EndOfFile, length, length, null);
    }

    private Token Punctuator(TokenKind kind, int position) => Create(kind, position, position + 1, null);

    private Token Create(TokenKind kind, int start, int end, string? value) =>
        new(kind, start, end, _line, 1 + start - _lineStart, value);

    // https://spec.graphql.org/September2025/#Comment
    private int SkipComment(int start)
    {
        var position = start + 1;
        while (position < _body.Length)
        {
            var c = _body[position];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (IsUnicodeScalarValue(c))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    // https://spec.graphql.org/September2025/#Name
    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position]))
        {
            position++;
        }

        return Create(TokenKind.Name, start, position, _body[start..position]);
    }

    // https://spec.graphql.org/September2025/#IntValue
    // https://spec.graphql.org/September2025/#FloatValue
    private Token ReadNumber(int start, char first)
    {
        var position = start;
        var c = first;
        var isFloat = false;
        if (c == '-')
        {
            c = CharAt(++position);
        }

        if (c == '0')
        {
            c = CharAt(++position);
            if (IsDigit(c))
            {
                Throw(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, c);
            c = CharAt(position);
        }

        if (c == '.')
        {
            isFloat = true;
            c = CharAt(++position);
            position = ReadDigits(position, c);
            c = CharAt(position);
        }

        if (c is 'E' or 'e')
        {
            isFloat = true;
            c = CharAt(++position);
            if (c is '+' or '-')
            {
                c = CharAt(++position);
            }

            position = ReadDigits(position, c);
            c = CharAt(position);
        }

        // Numbers cannot be followed by a dot or a name start (NameStart lookahead restriction).
        if (c == '.' || IsNameStart(c))
        {
            Throw(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        return Create(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body[start..position]);
    }

    private int ReadDigits(int start, char first)
    {
        if (!IsDigit(first))
        {
            Throw(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }

        var position = start + 1;
        while (position < _body.Length && IsDigit(_body[position]))
        {
            position++;
        }

        return position;
    }

    // https://spec.graphql.org/September2025/#StringValue
    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"')
            {
                string text;
                if (value is null)
                {
                    text = body[chunkStart..position];
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    text = value.ToString();
                }

                return Create(TokenKind.String, start, position + 1, text);
            }

            if (c == '\\')
            {
                value ??= new StringBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                var size = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value)
                    : ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            if (IsUnicodeScalarValue(c))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                Throw(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }

        Throw(position, "Unterminated string.");
        return default;
    }

    // EscapedUnicode :: `{` HexDigit+ `}`
    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        // Mirrors graphql-js: at most 12 characters are examined, so the reported escape is identical.
        while (size < 12)
        {
            var c = CharAt(position + size++);
            if (c == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                value.Append(char.ConvertFromUtf32(point));
                return size;
            }

            point = unchecked((point << 4) | ReadHexDigit(c));
            if (point < 0)
            {
                break;
            }
        }

        Throw(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
        return 0;
    }

    // EscapedUnicode :: HexDigit HexDigit HexDigit HexDigit (surrogate pairs allowed only as a valid pair)
    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        if (code is >= 0xD800 and <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        Throw(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
        return 0;
    }

    // EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char? escaped = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (escaped is null)
        {
            Throw(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
        }

        value.Append(escaped.Value);
        return 2;
    }

    // https://spec.graphql.org/September2025/#BlockString
    private Token ReadBlockString(int start)
    {
        var body = _body;
        var lineStart = _lineStart;
        var line = _line;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = new StringBuilder();
        var blockLines = new List<string>();
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                var token = Create(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(blockLines));
                _line = line;
                _lineStart = lineStart;
                return token;
            }

            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1;
                position += 4;
                continue;
            }

            if (c is '\n' or '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                currentLine.Clear();
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                lineStart = position;
                line++;
                continue;
            }

            if (IsUnicodeScalarValue(c))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                Throw(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }

        Throw(position, "Unterminated string.");
        return default;
    }

    private char CharAt(int position) => position < _body.Length ? _body[position] : '\0';

    private bool HasCharAt(int position) => position < _body.Length;

    private string Slice(int start, int end) => _body[start..Math.Min(end, _body.Length)];

    private int Read16BitHexCode(int position) =>
        HasCharAt(position + 3)
            ? (ReadHexDigit(_body[position]) << 12) | (ReadHexDigit(_body[position + 1]) << 8)
                | (ReadHexDigit(_body[position + 2]) << 4) | ReadHexDigit(_body[position + 3])
            : -1;

    private static int ReadHexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private bool IsSupplementaryCodePoint(int position) =>
        char.IsHighSurrogate(_body[position]) && HasCharAt(position + 1) && char.IsLowSurrogate(_body[position + 1]);

    private static bool IsUnicodeScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length)
        {
            return TokenKind.EndOfFile.ToDisplayString();
        }

        int code = _body[position];
        if (IsSupplementaryCodePoint(position))
        {
            code = char.ConvertToUtf32(_body[position], _body[position + 1]);
        }

        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    [DoesNotReturn]
    private void Throw(int position, string description)
    {
        var (line, column) = Source.GetLineAndColumn(position);
        throw new GraphQLSyntaxErrorException(description, position, line, column);
    }
}
