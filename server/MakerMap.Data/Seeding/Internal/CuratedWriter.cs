using Npgsql;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>
/// Upserts the curated rows one statement each (there are dozens, not thousands). A row the database
/// rejects is reported with its file and item.
/// </summary>
internal static class CuratedWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, SeedSet seed, SeedReport report, CancellationToken cancellationToken)
    {
        foreach (var row in seed.DataSources)
        {
            await UpsertAsync(connection, SeedSql.UpsertDataSource, SeedFiles.DataSources, row.Item, "data_sources", report, cancellationToken,
                ("code", row.Code), ("title", row.Title), ("url", row.Url), ("licence", row.Licence),
                ("attribution", row.Attribution), ("reference_date", row.ReferenceDate)).ConfigureAwait(false);
        }
        foreach (var row in seed.Organisations)
        {
            await UpsertAsync(connection, SeedSql.UpsertOrganisation, SeedFiles.Organisations, row.Item, "organisations", report, cancellationToken,
                ("slug", row.Slug), ("name", row.Name), ("kind", row.Kind), ("website", row.Website), ("email", row.Email)).ConfigureAwait(false);
        }
        foreach (var p in seed.Places)
        {
            await UpsertAsync(connection, SeedSql.UpsertPlace, SeedFiles.Places, p.Item, "places", report, cancellationToken,
                ("slug", p.Slug), ("name", p.Name), ("kind", p.Kind), ("categories", p.Categories), ("geometry", p.GeometryJson),
                ("location_precision", p.LocationPrecision), ("location_note", p.LocationNote), ("street_address", p.StreetAddress),
                ("postal_code", p.PostalCode), ("locality", p.Locality), ("country_code", p.CountryCode), ("description", p.Description),
                ("descriptions", p.DescriptionsJson), ("description_language", p.DescriptionLanguage),
                ("phone", p.Phone), ("email", p.Email), ("website", p.Website), ("opening_hours", p.OpeningHours),
                ("wheelchair", p.Wheelchair), ("languages", p.Languages), ("organisation", p.Organisation),
                ("source_code", p.Source), ("source_url", p.SourceUrl)).ConfigureAwait(false);
        }
        foreach (var r in seed.Resources)
        {
            await UpsertAsync(connection, SeedSql.UpsertResource, SeedFiles.Resources, r.Item, "resources", report, cancellationToken,
                ("slug", r.Slug), ("home_place", r.HomePlace), ("organisation", r.Organisation), ("name", r.Name), ("kind", r.Kind),
                ("description", r.Description), ("capacity", r.Capacity), ("booking_mode", r.BookingMode), ("is_mobile", r.IsMobile),
                ("requires_approval", r.RequiresApproval), ("min_booking", r.MinBooking), ("max_booking", r.MaxBooking),
                ("approval_timeout", r.ApprovalTimeout), ("source_code", r.Source)).ConfigureAwait(false);
            foreach (var q in r.Requirements)
            {
                await UpsertAsync(connection, SeedSql.UpsertRequirement, SeedFiles.Resources, $"{r.Item} requirement '{q.Code}'",
                    "resource_requirements", report, cancellationToken,
                    ("resource", r.Slug), ("code", q.Code), ("description", q.Description)).ConfigureAwait(false);
            }
            await using var delete = Command(connection, SeedSql.DeleteStaleRequirements,
                ("resource", r.Slug), ("codes", r.Requirements.Select(q => q.Code).ToArray()));
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            report.Add("resource_requirements", new TableCounts(0, 0, 0, deleted));
        }
        foreach (var s in seed.Schedules)
        {
            await UpsertAsync(connection, SeedSql.UpsertSchedule, SeedFiles.Schedules, s.Item, "schedules", report, cancellationToken,
                ("slug", s.Slug), ("kind", s.Kind), ("resource", s.Resource), ("place", s.Place), ("title", s.Title),
                ("starts_local", s.StartsLocal), ("duration", s.Duration), ("time_zone", s.TimeZone), ("rrule", s.Rrule),
                ("excluded_dates", s.ExcludedDates), ("capacity", s.Capacity), ("source_code", s.Source),
                ("is_verified", s.IsVerified)).ConfigureAwait(false);
        }
    }

    // Runs one upsert whose RETURNING clause yields `inserted` for a new or changed row and no row at all
    // for an unchanged one, and counts the outcome.
    private static async Task UpsertAsync(NpgsqlConnection connection, string sql, string fileName, string item, string table,
        SeedReport report, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                report.Add(table, new TableCounts(0, 0, 1));
                return;
            }
            var inserted = reader.GetBoolean(reader.GetOrdinal("inserted"));
            report.Add(table, inserted ? new TableCounts(1, 0, 0) : new TableCounts(0, 1, 0));
        }
        catch (PostgresException e)
        {
            throw new SeedFileException(fileName, item, $"rejected by the database: {e.MessageText}"
                + (e.ConstraintName is { } constraint ? $" (constraint {constraint})" : ""), e);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}
