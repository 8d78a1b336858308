using System.Globalization;
using System.Text.Json;
using MakerMap.Api.Tests.Management;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Auth;

/// <summary>A shared server and <see cref="ManagementScenario"/> for the matrix: every row makes its own targets.</summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public MakerMapApiFactory Factory { get; } = new();

    public ManagementScenario Scenario { get; private set; } = null!;

    /// <summary>A member of the scenario's organisation who is none of the actors: the booker of bookings others act on.</summary>
    public Guid Booker { get; private set; }

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        Scenario = await ManagementScenario.CreateAsync(Factory);
        Booker = await Factory.Database.Data.AccountAsync();
        await new AccountCommands(Factory.Database.DataSource).SetMembershipAsync(Booker, Scenario.Organisation, MembershipRole.Member, CancellationToken.None);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
}

/// <summary>
/// The authorization matrix of issue 4 end to end: every mutation and every protected query of the
/// schema, for every role, through HTTP against PostGIS. "Own" means the organisation the member,
/// resource manager and organisation admin belong to. Allowed calls must succeed for real (no error at
/// all); denied mutations answer with a payload error, denied queries with a GraphQL error, and objects
/// the caller may not see are null or empty ("hidden"), which is also how cancel and decide answer a
/// booking the caller cannot see (NOT_FOUND, so its existence does not leak).
/// </summary>
[Trait("Category", "Db")]
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string Ok = "allowed";
    private const string Unauth = "UNAUTHENTICATED";
    private const string Forbid = "FORBIDDEN";
    private const string Hidden = "hidden";

    /// <summary>Operation → expected outcome per actor, in the order of <see cref="Actor"/>.</summary>
    private static readonly Dictionary<string, string[]> Expectations = new()
    {
        //                                         anonymous  resident  member  manager  org admin  planner  site admin
        ["signUp"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["signIn"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["signOut"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["createOrganisation"] = [Unauth, Ok, Ok, Ok, Ok, Ok, Ok],
        ["addMember to own organisation"] = [Unauth, Forbid, Forbid, Forbid, Ok, Forbid, Ok],
        ["removeMember of another member"] = [Unauth, Forbid, Forbid, Forbid, Ok, Forbid, Ok],
        ["removeMember of oneself"] = [Unauth, Ok, Ok, Ok, Ok, Ok, Ok],
        ["createPlace for own organisation"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["updatePlace of own organisation"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["deletePlace of own organisation"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["createResource at own place"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["updateResource of own organisation"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["deleteResource of own organisation"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["createSchedule for own resource"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["createSchedule for sessions at own place"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["updateSchedule of own resource"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["deleteSchedule of own resource"] = [Unauth, Forbid, Forbid, Ok, Ok, Forbid, Ok],
        ["requestBooking for own organisation"] = [Unauth, Forbid, Ok, Ok, Ok, Forbid, Ok],
        ["cancelBooking of another member"] = [Unauth, Hidden, Forbid, Ok, Ok, Hidden, Ok],
        ["decideBooking of own resource"] = [Unauth, Hidden, Forbid, Ok, Ok, Hidden, Ok],
        ["requestBooking joining the waitlist of a full resource"] = [Unauth, Forbid, Ok, Ok, Ok, Forbid, Ok],
        ["cancelBooking of another member's waitlisted request"] = [Unauth, Hidden, Forbid, Ok, Ok, Hidden, Ok],
        ["requestBookingSeries for own organisation"] = [Unauth, Forbid, Ok, Ok, Ok, Forbid, Ok],
        ["cancelBookingSeries of another member"] = [Unauth, Hidden, Forbid, Ok, Ok, Hidden, Ok],
        ["query BookingSeries of own organisation"] = [Hidden, Hidden, Ok, Ok, Ok, Hidden, Ok],
        ["markNotificationsRead"] = [Unauth, Ok, Ok, Ok, Ok, Ok, Ok],
        ["setLanguage"] = [Unauth, Ok, Ok, Ok, Ok, Ok, Ok],
        ["query requestsToDecide holding a request for an own resource"] = [Hidden, Hidden, Hidden, Ok, Ok, Hidden, Ok],
        ["query own notifications"] = [Hidden, Ok, Ok, Ok, Ok, Ok, Ok],
        ["subscription requestsToDecideChanged hearing a request for an own resource"] = [Unauth, Hidden, Hidden, Ok, Ok, Hidden, Ok],
        ["query Account.notifications of another account"] = [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden],
        ["query coverage"] = [Unauth, Forbid, Forbid, Forbid, Forbid, Ok, Ok],
        ["query booking of own organisation"] = [Hidden, Hidden, Ok, Ok, Ok, Hidden, Ok],
        ["query Organisation.members of own organisation"] = [Hidden, Hidden, Ok, Ok, Ok, Hidden, Ok],
    };

    private ManagementScenario S => fixture.Scenario;

    private TestData Data => S.Database.Data;

    public static TheoryData<string, Actor, string> Matrix()
    {
        var data = new TheoryData<string, Actor, string>();
        foreach (var (operation, outcomes) in Expectations)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(operation, actor, outcomes[(int)actor]);
            }
        }
        return data;
    }

    [Fact]
    public void Matrix_covers_every_mutation_of_the_schema()
    {
        var mutations = Api.Schema.MakerMapSchema.Build().MutationType!.Fields.Select(f => f.Name);

        Assert.All(mutations, m => Assert.Contains(Expectations.Keys, k => k == m || k.StartsWith(m + " ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_gets_exactly_the_outcome_the_matrix_names(string operation, Actor actor, string expected)
    {
        var outcome = operation switch
        {
            "signUp" => await SignUpAsync(actor),
            "signIn" => await SignInAsync(actor),
            "signOut" => await SignOutAsync(actor),
            "createOrganisation" => await MutateAsync(actor, "createOrganisation", "CreateOrganisationInput", new { name = "Matrix " + Guid.NewGuid().ToString("N")[..8] }),
            "addMember to own organisation" => await MutateAsync(actor, "addMember", "AddMemberInput",
                new { organisationId = Id("Organisation", S.Organisation), email = await EmailAsync(await Data.AccountAsync()), role = "MEMBER" }),
            "removeMember of another member" => await MutateAsync(actor, "removeMember", "RemoveMemberInput",
                new { organisationId = Id("Organisation", S.Organisation), accountId = Id("Account", await MemberAsync(await Data.AccountAsync(), S.Organisation)) }),
            "removeMember of oneself" => await RemoveSelfAsync(actor),
            "createPlace for own organisation" => await MutateAsync(actor, "createPlace", "CreatePlaceInput", new
            {
                organisationId = Id("Organisation", S.Organisation),
                name = "Matrix place",
                kind = "REPAIR_CAFE",
                location = new { longitude = 3.72, latitude = 51.05 },
            }),
            "updatePlace of own organisation" => await MutateAsync(actor, "updatePlace", "UpdatePlaceInput", new { id = Id("Place", await OwnPlaceAsync()), description = "changed" }),
            "deletePlace of own organisation" => await MutateAsync(actor, "deletePlace", "DeleteInput", new { id = Id("Place", await OwnPlaceAsync()) }),
            "createResource at own place" => await MutateAsync(actor, "createResource", "CreateResourceInput",
                new { placeId = Id("Place", S.Place), name = "Matrix drill", kind = "TOOL" }),
            "updateResource of own organisation" => await MutateAsync(actor, "updateResource", "UpdateResourceInput", new { id = Id("Resource", await OwnResourceAsync()), capacity = 2 }),
            "deleteResource of own organisation" => await MutateAsync(actor, "deleteResource", "DeleteInput", new { id = Id("Resource", await OwnResourceAsync()) }),
            "createSchedule for own resource" => await MutateAsync(actor, "createSchedule", "CreateScheduleInput", new
            {
                kind = "AVAILABILITY",
                resourceId = Id("Resource", await OwnResourceAsync()),
                title = "Open",
                startsLocal = Tomorrow(),
                durationMinutes = 60,
                rrule = "FREQ=DAILY;COUNT=2",
            }),
            "createSchedule for sessions at own place" => await MutateAsync(actor, "createSchedule", "CreateScheduleInput", new
            {
                kind = "SESSION",
                placeId = Id("Place", await OwnPlaceAsync()),
                title = "Repair café",
                startsLocal = Tomorrow(),
                durationMinutes = 180,
            }),
            "updateSchedule of own resource" => await MutateAsync(actor, "updateSchedule", "UpdateScheduleInput", new { id = Id("Schedule", await OwnScheduleAsync()), title = "Renamed" }),
            "deleteSchedule of own resource" => await MutateAsync(actor, "deleteSchedule", "DeleteInput", new { id = Id("Schedule", await OwnScheduleAsync()) }),
            "requestBooking for own organisation" => await RequestBookingAsync(actor),
            "cancelBooking of another member" => await MutateAsync(actor, "cancelBooking", "CancelBookingInput", new { bookingId = Id("Booking", await BookingAsync("confirmed")) }),
            "decideBooking of own resource" => await MutateAsync(actor, "decideBooking", "DecideBookingInput", new { bookingId = Id("Booking", await BookingAsync("requested")), decision = "APPROVE" }),
            "requestBooking joining the waitlist of a full resource" => await RequestBookingAsync(actor, full: true),
            "cancelBooking of another member's waitlisted request" => await MutateAsync(actor, "cancelBooking", "CancelBookingInput",
                new { bookingId = Id("Booking", await BookingAsync("waitlisted")) }),
            "requestBookingSeries for own organisation" => await RequestSeriesAsync(actor),
            "cancelBookingSeries of another member" => await MutateAsync(actor, "cancelBookingSeries", "CancelBookingSeriesInput",
                new { seriesId = Id("BookingSeries", await SeriesAsync()) }),
            "query BookingSeries of own organisation" => await QueryVisibleAsync(actor, "query($id: ID!) { node(id: $id) { ... on BookingSeries { weeks } } }",
                new { id = Id("BookingSeries", await SeriesAsync()) }, d => d.GetProperty("node").ValueKind == JsonValueKind.Object),
            "markNotificationsRead" => await MutateAsync(actor, "markNotificationsRead", "MarkNotificationsReadInput", new { ids = (string[]?)null }),
            "setLanguage" => await MutateAsync(actor, "setLanguage", "SetLanguageInput", new { language = "FR" }),
            "query requestsToDecide holding a request for an own resource" => await QueueHoldsAsync(actor),
            "subscription requestsToDecideChanged hearing a request for an own resource" => await QueueFeedHearsAsync(actor),
            "query own notifications" => await QueryVisibleAsync(actor, "query($id: ID!) { booking(id: $id) { id } viewer { notifications { kind booking { id } } } }",
                new { id = Id("Booking", await NotifiedAsync(actor == Actor.Anonymous ? null : S.AccountId(actor))) },
                d => d.GetProperty("viewer").ValueKind == JsonValueKind.Object && d.GetProperty("viewer").GetProperty("notifications").GetArrayLength() > 0),
            "query Account.notifications of another account" => await QueryVisibleAsync(actor, "query($id: ID!) { node(id: $id) { ... on Account { notifications { kind } unreadNotificationCount } } }",
                new { id = Id("Account", await NotifiedBookerAsync()) },
                d => d.GetProperty("node").ValueKind == JsonValueKind.Object && d.GetProperty("node").GetProperty("notifications").GetArrayLength() > 0),
            "query coverage" => await QueryErrorAsync(actor, "{ coverage(input: { area: { municipalityCode: \"44021\" } }) { population } }"),
            "query booking of own organisation" => await QueryVisibleAsync(actor, "query($id: ID!) { booking(id: $id) { id } }",
                new { id = Id("Booking", await BookingAsync("confirmed")) }, d => d.GetProperty("booking").ValueKind == JsonValueKind.Object),
            "query Organisation.members of own organisation" => await QueryVisibleAsync(actor, "query($id: ID!) { organisation(id: $id) { members { role } } }",
                new { id = Id("Organisation", S.Organisation) }, d => d.GetProperty("organisation").GetProperty("members").GetArrayLength() > 0),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        Assert.Equal(expected, outcome);
    }

    // A mutation's outcome: allowed only when it succeeded; a NOT_FOUND for an object that exists means it is hidden.
    private async Task<string> MutateAsync(Actor actor, string field, string inputType, object input)
    {
        var payload = await S.MutateAsync(actor, field, inputType, "", input);
        return ErrorCode(payload) switch
        {
            null => Ok,
            "NOT_FOUND" => Hidden,
            var code => code,
        };
    }

    private async Task<string> QueryErrorAsync(Actor actor, string query)
    {
        var response = await S.PostAsync(actor, query);
        return response.FirstErrorCode is Unauth or Forbid ? response.FirstErrorCode : Ok;
    }

    private async Task<string> QueryVisibleAsync(Actor actor, string query, object variables, Func<JsonElement, bool> visible)
    {
        var response = await S.PostAsync(actor, query, variables);
        Assert.False(response.HasErrors, response.Body.ToString());
        return visible(response.Data) ? Ok : Hidden;
    }

    private async Task<string> SignUpAsync(Actor actor)
    {
        var response = await S.PostAsync(actor, "mutation($i: SignUpInput!) { signUp(input: $i) { errors { code } } }",
            new { i = new { email = $"matrix-{Guid.NewGuid():N}@example.org", password = "repair-cafe-2026", displayName = "Matrix" } });
        return ErrorCode(response.Data.GetProperty("signUp")) ?? Ok;
    }

    private async Task<string> SignInAsync(Actor actor)
    {
        var response = await S.PostAsync(actor, "mutation($i: SignInInput!) { signIn(input: $i) { token errors { code } } }",
            new { i = new { email = await EmailAsync(S.AccountId(Actor.Resident)), password = "repair-cafe-2026", issueToken = true } });
        return ErrorCode(response.Data.GetProperty("signIn")) ?? Ok;
    }

    // signOut revokes the bearer token it is called with, so each signed-in actor signs out a second token of its own.
    private async Task<string> SignOutAsync(Actor actor)
    {
        string? token = null;
        if (actor != Actor.Anonymous)
        {
            var signIn = await S.PostAsync(Actor.Anonymous, "mutation($i: SignInInput!) { signIn(input: $i) { token } }",
                new { i = new { email = await EmailAsync(S.AccountId(actor)), password = "repair-cafe-2026", issueToken = true } });
            token = signIn.Data.GetProperty("signIn").GetProperty("token").GetString();
        }
        var response = await S.Client.PostAsync("mutation { signOut { signedOut errors { code } } }", token: token);
        var payload = response.Data.GetProperty("signOut");
        Assert.Equal(actor != Actor.Anonymous, payload.GetProperty("signedOut").GetBoolean());
        return ErrorCode(payload) ?? Ok;
    }

    // Every actor that is signed in joins a fresh organisation (which has another admin) and leaves it.
    private async Task<string> RemoveSelfAsync(Actor actor)
    {
        var organisation = await Data.OrganisationAsync();
        await MemberAsync(await Data.AccountAsync(), organisation, MembershipRole.Admin);
        if (actor != Actor.Anonymous)
        {
            await MemberAsync(S.AccountId(actor), organisation);
        }
        var accountId = actor == Actor.Anonymous ? await Data.AccountAsync() : S.AccountId(actor);
        return await MutateAsync(actor, "removeMember", "RemoveMemberInput",
            new { organisationId = Id("Organisation", organisation), accountId = Id("Account", accountId) });
    }

    // full: the slot holds one unit, taken by another member, and the request asks to join the waitlist
    private async Task<string> RequestBookingAsync(Actor actor, bool full = false)
    {
        var resource = await OwnResourceAsync();
        var start = DateTimeOffset.UtcNow.Date.AddDays(4).AddHours(9);
        var slot = await Data.SlotAsync(resource, start, start.AddHours(2), full ? 1 : 10);
        if (full)
        {
            await Data.BookingAsync(resource, start, start.AddHours(2), organisationId: S.Organisation, bookedBy: fixture.Booker);
        }
        var outcome = await MutateAsync(actor, "requestBooking", "RequestBookingInput", new
        {
            resourceId = Id("Resource", resource),
            slotId = Id("Slot", slot),
            organisationId = Id("Organisation", S.Organisation),
            joinWaitlistIfFull = full,
        });
        if (full && outcome == Ok)
        {
            Assert.Equal(1, await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND status = 'waitlisted'", new { resource }));
        }
        return outcome;
    }

    // A weekly series of two on a fresh resource of the own organisation; allowed only when both weeks were booked.
    private async Task<string> RequestSeriesAsync(Actor actor)
    {
        var resource = await OwnResourceAsync();
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(4).AddHours(9), TimeSpan.Zero);
        var outcome = await MutateAsync(actor, "requestBookingSeries", "RequestBookingSeriesInput", new
        {
            resourceId = Id("Resource", resource),
            organisationId = Id("Organisation", S.Organisation),
            start = start.ToString("O", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("O", CultureInfo.InvariantCulture),
            weeks = 2,
        });
        var booked = await Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource AND series_id IS NOT NULL", new { resource });
        Assert.Equal(outcome == Ok ? 2 : 0, booked);
        return outcome;
    }

    // A series of two weeks of a fresh resource of the own organisation, asked for by another member.
    private async Task<Guid> SeriesAsync()
    {
        var resource = await OwnResourceAsync();
        await using var command = S.Database.DataSource.CreateCommand("""
            INSERT INTO booking_series (resource_id, organisation_id, booked_by, first_period, weeks, quantity)
            VALUES (@r, @o, @b, tstzrange(date_trunc('hour', now()) + interval '3 days', date_trunc('hour', now()) + interval '3 days 2 hours', '[)'), 2, 1)
            RETURNING id
            """);
        command.Parameters.AddWithValue("r", resource);
        command.Parameters.AddWithValue("o", S.Organisation);
        command.Parameters.AddWithValue("b", fixture.Booker);
        var series = (Guid)(await command.ExecuteScalarAsync())!;
        await S.Client.ExecuteSqlAsync("""
            INSERT INTO bookings (resource_id, period, status, quantity, is_exclusive, organisation_id, booked_by, series_id, series_week)
            SELECT s.resource_id, series_occurrence(s.first_period, k), 'confirmed', 1, false, s.organisation_id, s.booked_by, s.id, k
              FROM booking_series AS s, generate_series(0, 1) AS k WHERE s.id = @s
            """, ("s", series));
        return series;
    }

    // A booking of the own organisation's resource that the account heard about (a decline), when there is an account.
    private async Task<Guid> NotifiedAsync(Guid? account)
    {
        var booking = await BookingAsync("requested");
        if (account is { } id)
        {
            await S.Client.ExecuteSqlAsync("UPDATE bookings SET booked_by = @a WHERE id = @b", ("a", id), ("b", booking));
        }
        await S.Client.ExecuteSqlAsync("UPDATE bookings SET status = 'declined', decision_note = 'Fully booked that weekend.' WHERE id = @b", ("b", booking));
        return booking;
    }

    // Whether the actor's approval queue holds a fresh request for a resource of the own organisation.
    private async Task<string> QueueHoldsAsync(Actor actor)
    {
        var booking = Id("Booking", await BookingAsync("requested"));
        var response = await S.PostAsync(actor, "{ requestsToDecide(first: 100) { id } }");
        Assert.False(response.HasErrors, response.Body.ToString());
        return response.Data.GetProperty("requestsToDecide").EnumerateArray().Any(b => b.GetProperty("id").GetString() == booking) ? Ok : Hidden;
    }

    // The booker (no actor), told about a decline of its request.
    private async Task<Guid> NotifiedBookerAsync()
    {
        await NotifiedAsync(fixture.Booker);
        return fixture.Booker;
    }

    private async Task<Guid> MemberAsync(Guid account, Guid organisation, MembershipRole role = MembershipRole.Member)
    {
        await new AccountCommands(S.Database.DataSource).SetMembershipAsync(account, organisation, role, CancellationToken.None);
        return account;
    }

    private async Task<string> EmailAsync(Guid account)
    {
        await using var command = S.Database.DataSource.CreateCommand("SELECT email FROM accounts WHERE id = @id");
        command.Parameters.AddWithValue("id", account);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid> OwnPlaceAsync()
    {
        var place = await Data.PlaceAsync(3.73, 51.06);
        await S.Client.ExecuteSqlAsync("UPDATE places SET organisation_id = @o WHERE id = @p", ("o", S.Organisation), ("p", place));
        return place;
    }

    private async Task<Guid> OwnResourceAsync()
    {
        var resource = await Data.ResourceAsync(S.Place, new ResourceSpec { Capacity = 10, Exclusive = false });
        await S.Client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", S.Organisation), ("r", resource));
        return resource;
    }

    private async Task<Guid> OwnScheduleAsync()
    {
        var resource = await OwnResourceAsync();
        var start = DateTimeOffset.UtcNow.Date.AddDays(5).AddHours(10);
        await Data.SlotAsync(resource, start, start.AddHours(1), 10);
        await using var command = S.Database.DataSource.CreateCommand("SELECT id FROM schedules WHERE resource_id = @r");
        command.Parameters.AddWithValue("r", resource);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    // A booking of a fresh resource of the own organisation, made by another member for the own organisation.
    // A waitlisted one wants more units than the resource has, so the database never promotes it.
    private async Task<Guid> BookingAsync(string status)
    {
        var resource = await OwnResourceAsync();
        await using var command = S.Database.DataSource.CreateCommand("""
            INSERT INTO bookings (resource_id, period, status, quantity, is_exclusive, organisation_id, booked_by, expires_at)
            VALUES (@r, tstzrange(now() + interval '3 days', now() + interval '3 days 2 hours', '[)'), @status,
                    CASE WHEN @status = 'waitlisted' THEN 11 ELSE 1 END, false, @o, @b, now() + interval '2 days')
            RETURNING id
            """);
        command.Parameters.AddWithValue("r", resource);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("o", S.Organisation);
        command.Parameters.AddWithValue("b", fixture.Booker);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static string Tomorrow() => DateTime.Today.AddDays(1).AddHours(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
