using MakerMap.Data.Internal;
using Npgsql;

namespace MakerMap.Data.Places;

/// <summary>Reads <see cref="Place"/> rows; column ordinals are looked up once per result set.</summary>
internal sealed class PlaceReader
{
    private readonly int _id, _slug, _name, _kind, _categories, _location, _precision, _street, _postal,
        _locality, _website, _openingHours, _wheelchair, _organisation, _source;

    public PlaceReader(NpgsqlDataReader reader)
    {
        _id = reader.GetOrdinal("id");
        _slug = reader.GetOrdinal("slug");
        _name = reader.GetOrdinal("name");
        _kind = reader.GetOrdinal("kind");
        _categories = reader.GetOrdinal("categories");
        _location = reader.GetOrdinal("location_wkb");
        _precision = reader.GetOrdinal("location_precision");
        _street = reader.GetOrdinal("street_address");
        _postal = reader.GetOrdinal("postal_code");
        _locality = reader.GetOrdinal("locality");
        _website = reader.GetOrdinal("website");
        _openingHours = reader.GetOrdinal("opening_hours");
        _wheelchair = reader.GetOrdinal("wheelchair");
        _organisation = reader.GetOrdinal("organisation_id");
        _source = reader.GetOrdinal("source_code");
    }

    public Place Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(_id),
        reader.GetString(_slug),
        reader.GetString(_name),
        reader.GetString(_kind),
        reader.GetFieldValue<string[]>(_categories),
        Wkb.ReadPoint(reader.GetFieldValue<byte[]>(_location)),
        reader.GetString(_precision),
        NullableString(reader, _street),
        NullableString(reader, _postal),
        NullableString(reader, _locality),
        NullableString(reader, _website),
        NullableString(reader, _openingHours),
        reader.GetString(_wheelchair),
        reader.IsDBNull(_organisation) ? null : reader.GetGuid(_organisation),
        reader.GetString(_source));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
