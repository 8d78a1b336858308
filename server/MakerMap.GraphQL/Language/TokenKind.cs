namespace MakerMap.GraphQL.Language;

/// <summary>The lexical token kinds of GraphQL (spec section 2.1.6 "Lexical Tokens").</summary>
public enum TokenKind
{
    /// <summary>Start of file (before the first token).</summary>
    StartOfFile,

    /// <summary>End of file.</summary>
    EndOfFile,

    /// <summary><c>!</c></summary>
    Bang,

    /// <summary><c>$</c></summary>
    Dollar,

    /// <summary><c>&amp;</c></summary>
    Amp,

    /// <summary><c>(</c></summary>
    ParenLeft,

    /// <summary><c>)</c></summary>
    ParenRight,

    /// <summary><c>...</c></summary>
    Spread,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    EqualsSign,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>[</c></summary>
    BracketLeft,

    /// <summary><c>]</c></summary>
    BracketRight,

    /// <summary><c>{</c></summary>
    BraceLeft,

    /// <summary><c>|</c></summary>
    Pipe,

    /// <summary><c>}</c></summary>
    BraceRight,

    /// <summary>A name.</summary>
    Name,

    // The graphql-js token kind names are kept on purpose.
#pragma warning disable CA1720
    /// <summary>An integer.</summary>
    Int,

    /// <summary>A float.</summary>
    Float,

    /// <summary>A quoted string.</summary>
    String,

#pragma warning restore CA1720

    /// <summary>A block string.</summary>
    BlockString,
}

/// <summary>Display helpers for <see cref="TokenKind"/>.</summary>
public static class TokenKindExtensions
{
    /// <summary>The graphql-js spelling of a token kind, e.g. <c>&lt;EOF&gt;</c>, <c>Name</c>, <c>{</c>.</summary>
    public static string ToDisplayString(this TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Amp => "&",
        TokenKind.ParenLeft => "(",
        TokenKind.ParenRight => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.EqualsSign => "=",
        TokenKind.At => "@",
        TokenKind.BracketLeft => "[",
        TokenKind.BracketRight => "]",
        TokenKind.BraceLeft => "{",
        TokenKind.Pipe => "|",
        TokenKind.BraceRight => "}",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };

    /// <summary>True for punctuators, which graphql-js quotes in messages (<c>Expected "{"</c>).</summary>
    public static bool IsPunctuator(this TokenKind kind) => kind is >= TokenKind.Bang and <= TokenKind.BraceRight;

    /// <summary>The kind as it appears in parser messages: punctuators quoted, others bare.</summary>
    public static string Describe(this TokenKind kind) =>
        kind.IsPunctuator() ? "\"" + kind.ToDisplayString() + "\"" : kind.ToDisplayString();
}
