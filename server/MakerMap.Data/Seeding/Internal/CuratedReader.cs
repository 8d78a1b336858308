using System.Text.RegularExpressions;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Reads the hand-curated files (data sources, organisations, places, resources, schedules) and checks
/// what the database could only report vaguely: required properties, slugs, duplicates and references
/// between the files. Value lists (kinds, categories) are left to the schema's CHECK constraints.
/// </summary>
internal static partial class CuratedReader
{
    public static (List<DataSourceRow>, List<OrganisationRow>, List<PlaceRow>, List<ResourceRow>, List<ScheduleRow>) Read(string directory)
    {
        var sources = ReadDataSources(directory);
        var organisations = ReadOrganisations(directory);
        var places = ReadPlaces(directory);
        var resources = ReadResources(directory);
        var schedules = ReadSchedules(directory);

        var sourceCodes = sources.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var organisationSlugs = organisations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        var placeSlugs = places.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var resourceSlugs = resources.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var p in places)
        {
            Reference(SeedFiles.Places, p.Item, "source", p.Source, sourceCodes, SeedFiles.DataSources);
            Reference(SeedFiles.Places, p.Item, "organisation", p.Organisation, organisationSlugs, SeedFiles.Organisations);
        }
        foreach (var r in resources)
        {
            Reference(SeedFiles.Resources, r.Item, "source", r.Source, sourceCodes, SeedFiles.DataSources);
            Reference(SeedFiles.Resources, r.Item, "organisation", r.Organisation, organisationSlugs, SeedFiles.Organisations);
            Reference(SeedFiles.Resources, r.Item, "home_place", r.HomePlace, placeSlugs, SeedFiles.Places);
        }
        foreach (var s in schedules)
        {
            Reference(SeedFiles.Schedules, s.Item, "source", s.Source, sourceCodes, SeedFiles.DataSources);
            Reference(SeedFiles.Schedules, s.Item, "resource", s.Resource, resourceSlugs, SeedFiles.Resources);
            Reference(SeedFiles.Schedules, s.Item, "place", s.Place, placeSlugs, SeedFiles.Places);
        }
        return (sources, organisations, places, resources, schedules);
    }

    private static List<DataSourceRow> ReadDataSources(string directory)
    {
        using var document = SeedFiles.Parse(directory, SeedFiles.DataSources);
        var rows = new List<DataSourceRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in SeedFiles.ArrayItems(document, SeedFiles.DataSources))
        {
            var code = Key(raw, "code", seen);
            var item = raw.WithKey(code);
            rows.Add(new DataSourceRow(item.Item, code, item.RequiredString("title"), item.OptionalString("url"),
                item.RequiredString("licence"), item.RequiredString("attribution"), item.OptionalDate("reference_date")));
        }
        return rows;
    }

    private static List<OrganisationRow> ReadOrganisations(string directory)
    {
        using var document = SeedFiles.Parse(directory, SeedFiles.Organisations);
        var rows = new List<OrganisationRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in SeedFiles.ArrayItems(document, SeedFiles.Organisations))
        {
            var slug = Key(raw, "slug", seen);
            var item = raw.WithKey(slug);
            rows.Add(new OrganisationRow(item.Item, slug, item.RequiredString("name"), item.OptionalString("kind") ?? "nonprofit",
                item.OptionalString("website"), item.OptionalString("email")));
        }
        return rows;
    }

    private static List<PlaceRow> ReadPlaces(string directory)
    {
        using var document = SeedFiles.Parse(directory, SeedFiles.Places);
        var rows = new List<PlaceRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, geometry) in SeedFiles.Features(document, SeedFiles.Places, "Point"))
        {
            var slug = Key(raw, "slug", seen);
            var p = raw.WithKey(slug);
            var precision = p.OptionalString("location_precision") ?? "approximate";
            var note = p.OptionalString("location_note");
            if (precision == "approximate" && note is null)
            {
                throw p.Error("an approximate location needs a 'location_note' saying how it was placed");
            }
            rows.Add(new PlaceRow(p.Item, slug, p.RequiredString("name"), p.RequiredString("kind"), p.StringArray("categories", []),
                geometry, precision, note, p.OptionalString("street_address"), p.OptionalString("postal_code"),
                p.OptionalString("locality"), p.OptionalString("country_code") ?? "BE", p.OptionalString("description"),
                p.LanguageTexts("descriptions"), p.OptionalString("description_language") ?? "en",
                p.OptionalString("phone"), p.OptionalString("email"), p.OptionalString("website"), p.OptionalString("opening_hours"),
                p.OptionalString("wheelchair") ?? "unknown", p.StringArray("languages", ["nl"]), p.OptionalString("organisation"),
                p.RequiredString("source"), p.OptionalString("source_url")));
        }
        return rows;
    }

    private static List<ResourceRow> ReadResources(string directory)
    {
        using var document = SeedFiles.Parse(directory, SeedFiles.Resources);
        var rows = new List<ResourceRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in SeedFiles.ArrayItems(document, SeedFiles.Resources))
        {
            var slug = Key(raw, "slug", seen);
            var r = raw.WithKey(slug);
            var requirements = new List<RequirementRow>();
            if (r.TryGetArray("requirements", out var array))
            {
                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    var q = new SeedItem(r.FileName, $"{r.Item} requirements[{index++}]", element);
                    requirements.Add(new RequirementRow(q.RequiredString("code"), q.RequiredString("description")));
                }
            }
            rows.Add(new ResourceRow(r.Item, slug, r.RequiredString("home_place"), r.OptionalString("organisation"),
                r.RequiredString("name"), r.RequiredString("kind"), r.OptionalString("description"), r.OptionalInt32("capacity") ?? 1,
                r.OptionalString("booking_mode") ?? "exclusive", r.Boolean("is_mobile", false), r.Boolean("requires_approval", true),
                r.OptionalString("min_booking") ?? "30 minutes", r.OptionalString("max_booking") ?? "14 days",
                r.OptionalString("approval_timeout") ?? "72 hours", r.RequiredString("source"), requirements));
        }
        return rows;
    }

    private static List<ScheduleRow> ReadSchedules(string directory)
    {
        using var document = SeedFiles.Parse(directory, SeedFiles.Schedules);
        var rows = new List<ScheduleRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in SeedFiles.ArrayItems(document, SeedFiles.Schedules))
        {
            var slug = Key(raw, "slug", seen);
            var s = raw.WithKey(slug);
            rows.Add(new ScheduleRow(s.Item, slug, s.RequiredString("kind"), s.OptionalString("resource"), s.OptionalString("place"),
                s.RequiredString("title"), s.RequiredLocalDateTime("starts_local"), s.RequiredString("duration"),
                s.OptionalString("time_zone") ?? "Europe/Brussels", s.OptionalString("rrule"), s.DateArray("excluded_dates"),
                s.OptionalInt32("capacity"), s.RequiredString("source"), s.Boolean("is_verified", false)));
        }
        return rows;
    }

    // A natural key: present, slug-shaped and unique within its file.
    private static string Key(SeedItem item, string name, HashSet<string> seen)
    {
        var key = item.RequiredString(name);
        if (!SlugPattern().IsMatch(key))
        {
            throw item.Error($"{name} '{key}' must be lower-case letters, digits and hyphens");
        }
        return seen.Add(key) ? key : throw item.Error($"{name} '{key}' appears more than once");
    }

    private static void Reference(string fileName, string item, string property, string? value, HashSet<string> known, string target)
    {
        if (value is not null && !known.Contains(value))
        {
            throw new SeedFileException(fileName, item, $"{property} '{value}' is not defined in {target}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
