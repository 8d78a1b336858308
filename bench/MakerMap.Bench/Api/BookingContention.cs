using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MakerMap.Data.Accounts;
using Npgsql;

namespace MakerMap.Bench.Api;

/// <summary>
/// requestBooking under contention: many clients book the same few slots of a shared resource
/// (capacity per slot), each request for one unit with its own idempotency key. Outcomes are the
/// payload's error codes; afterwards the database must hold at most the capacity in every slot.
/// The bench's rows (slug <c>bench-contention</c>) are removed before and after.
/// </summary>
internal sealed class BookingContention(NpgsqlDataSource dataSource, HttpClient http, int slots, int capacity)
{
    private const string Mutation = "mutation Book($input: RequestBookingInput!) { requestBooking(input: $input) { booking { id status } errors { code } } }";

    private string _resourceId = "", _organisationId = "";
    private string[] _slotIds = [];
    private Guid _resourceUuid;

    public async Task SetUpAsync()
    {
        await CleanUpAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var source = new NpgsqlCommand("""
            INSERT INTO data_sources (code, title, licence, attribution)
            VALUES ('bench-synthetic', 'Synthetic benchmark rows', 'CC0-1.0', 'MakerMap bench') ON CONFLICT (code) DO NOTHING
            """, connection))
        {
            await source.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("""
            WITH org AS (INSERT INTO organisations (slug, name) VALUES ('bench-contention', 'Bench contention') RETURNING id),
            home AS (SELECT id FROM places ORDER BY id LIMIT 1)
            INSERT INTO resources (slug, home_place_id, organisation_id, name, kind, capacity, booking_mode, is_mobile,
                                   requires_approval, source_code)
            SELECT 'bench-contention', home.id, org.id, 'Bench workbench', 'workshop_room', @capacity, 'shared', false, false, 'bench-synthetic'
              FROM org, home
            RETURNING id, organisation_id;
            """, connection);
        command.Parameters.AddWithValue("capacity", capacity);
        Guid organisation;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("Could not create the bench resource (is the database seeded with places?).");
            }
            (_resourceUuid, organisation) = (reader.GetGuid(0), reader.GetGuid(1));
        }
        await using var slotCommand = new NpgsqlCommand("""
            WITH schedule AS (
                INSERT INTO schedules (kind, resource_id, title, starts_local, duration, source_code)
                VALUES ('availability', @resource, 'Bench slots', date_trunc('day', now() + interval '2 days')::timestamp + interval '9 hours',
                        interval '1 hour', 'bench-synthetic')
                RETURNING id)
            INSERT INTO slots (schedule_id, resource_id, period, capacity)
            SELECT schedule.id, @resource,
                   tstzrange(date_trunc('day', now() + interval '2 days') + g * interval '1 hour',
                             date_trunc('day', now() + interval '2 days') + (g + 1) * interval '1 hour', '[)'), @capacity
              FROM schedule, generate_series(0, @slots - 1) AS g
            RETURNING id;
            """, connection);
        slotCommand.Parameters.AddWithValue("resource", _resourceUuid);
        slotCommand.Parameters.AddWithValue("capacity", capacity);
        slotCommand.Parameters.AddWithValue("slots", slots);
        var ids = new List<string>();
        await using (var reader = await slotCommand.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(GlobalId("Slot", reader.GetGuid(0)));
            }
        }
        _slotIds = [.. ids];
        _resourceId = GlobalId("Resource", _resourceUuid);
        _organisationId = GlobalId("Organisation", organisation);

        // one booker, signed up through the API, member of the organisation, with a bearer token
        var email = "bench-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        const string password = "bench-contention-2026";
        var signUp = await http.PostAsJsonAsync("/auth/sign-up", new { email, password, displayName = "Bench booker" });
        signUp.EnsureSuccessStatusCode();
        var account = Guid.Parse((await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetString()!);
        await new AccountCommands(dataSource).SetMembershipAsync(account, organisation, MembershipRole.Member, CancellationToken.None);
        var signIn = await http.PostAsJsonAsync("/auth/sign-in?token=true", new { email, password });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Func<int, Task<string>> Request(int workers)
    {
        var randoms = Enumerable.Range(0, workers).Select(i => new Random(2000 + i)).ToArray();
        return async worker =>
        {
            var slot = _slotIds[randoms[worker].Next(_slotIds.Length)];
            var body = JsonSerializer.Serialize(new
            {
                query = Mutation,
                variables = new { input = new { resourceId = _resourceId, slotId = slot, organisationId = _organisationId, quantity = 1, idempotencyKey = Guid.NewGuid().ToString() } },
            });
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await http.PostAsync("/graphql", content);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                return "graphql-error:" + errors[0].GetProperty("message").GetString();
            }
            var payload = json.RootElement.GetProperty("data").GetProperty("requestBooking");
            return payload.GetProperty("booking").ValueKind == JsonValueKind.Object
                ? "booked"
                : payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
        };
    }

    /// <summary>Units held per slot must never exceed the capacity; returns (live units, overbooked slots).</summary>
    public async Task<(long Units, long OverbookedSlots)> CheckAsync()
    {
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(sum(held), 0)::bigint, count(*) FILTER (WHERE held > capacity)
              FROM (SELECT s.capacity, coalesce(sum(b.quantity) FILTER (WHERE b.status IN ('requested', 'confirmed')), 0) AS held
                      FROM slots s LEFT JOIN bookings b ON b.slot_id = s.id
                     WHERE s.resource_id = @resource GROUP BY s.id, s.capacity) per_slot
            """);
        command.Parameters.AddWithValue("resource", _resourceUuid);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task CleanUpAsync()
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM bookings WHERE resource_id IN (SELECT id FROM resources WHERE slug = 'bench-contention');
            DELETE FROM schedules WHERE resource_id IN (SELECT id FROM resources WHERE slug = 'bench-contention');
            DELETE FROM resources WHERE slug = 'bench-contention';
            DELETE FROM memberships WHERE organisation_id IN (SELECT id FROM organisations WHERE slug = 'bench-contention');
            DELETE FROM organisations WHERE slug = 'bench-contention';
            """);
        await command.ExecuteNonQueryAsync();
    }

    private static string GlobalId(string type, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(type + ":" + id.ToString("D", CultureInfo.InvariantCulture)));
}
