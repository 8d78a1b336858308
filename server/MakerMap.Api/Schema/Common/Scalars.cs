using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MakerMap.GraphQL.Types;
using NetTopologySuite.Geometries;

namespace MakerMap.Api.Schema;

/// <summary>
/// The contract's custom scalars. <c>DateTime</c> is RFC 3339 with a required offset (internally a
/// UTC <see cref="DateTimeOffset"/>, output with <c>Z</c>); <c>Date</c> is a <see cref="DateOnly"/>;
/// <c>LocalDateTime</c> an unspecified-kind <see cref="DateTime"/>; <c>GeoJSON</c> is validated by
/// <see cref="GeoJsonInput"/> on input and written as a GeoJSON object on output.
/// </summary>
public static partial class Scalars
{
    /// <summary>Binds the four scalars.</summary>
    public static SchemaBuilder BindScalars(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .BindScalar("DateTime", SerializeDateTime, ParseDateTime)
            .BindScalar("Date", SerializeDate, ParseDate)
            .BindScalar("LocalDateTime", SerializeLocalDateTime, ParseLocalDateTime)
            .BindScalar("GeoJSON", SerializeGeoJson, GeoJsonInput.Parse);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex LocalDateTimePattern();

    /// <summary>Parses an RFC 3339 date-time with an offset into UTC.</summary>
    public static object? ParseDateTime(object? value)
    {
        if (value is not string text || !Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new ValueCoercionException(
                "DateTime must be an RFC 3339 date-time with an offset, e.g. \"2026-12-05T14:00:00+01:00\" or \"2026-12-05T13:00:00Z\".");
        }
        return parsed.ToUniversalTime();
    }

    private static object? SerializeDateTime(object? value) => value switch
    {
        DateTimeOffset d => FormatUtc(d),
        DateTime { Kind: DateTimeKind.Utc } d => FormatUtc(new DateTimeOffset(d)),
        DateTime d => FormatUtc(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        string s => ParseDateTime(s) is DateTimeOffset d ? FormatUtc(d) : null,
        _ => throw new ValueCoercionException("DateTime cannot represent this value."),
    };

    private static string FormatUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static object? ParseDate(object? value) =>
        value is string text && FullDate().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValueCoercionException("Date must be an RFC 3339 full-date, e.g. \"2026-12-05\".");

    private static object? SerializeDate(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException("Date cannot represent this value."),
    };

    private static object? ParseLocalDateTime(object? value) =>
        value is string text && LocalDateTimePattern().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? DateTime.SpecifyKind(local, DateTimeKind.Unspecified)
            : throw new ValueCoercionException("LocalDateTime must look like \"2026-12-05T14:00\" (no offset).");

    private static object? SerializeLocalDateTime(object? value) => value switch
    {
        DateTime d => d.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException("LocalDateTime cannot represent this value."),
    };

    private static object? SerializeGeoJson(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        string json => JsonDocument.Parse(json).RootElement.Clone(),
        GeoJsonInput input => JsonDocument.Parse(input.Json).RootElement.Clone(),
        Geometry geometry => JsonSerializer.SerializeToElement(geometry, GeoJson.Options),
        _ => throw new ValueCoercionException("GeoJSON cannot represent this value."),
    };
}
