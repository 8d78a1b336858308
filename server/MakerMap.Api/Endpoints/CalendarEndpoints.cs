using MakerMap.Data.Calendar;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// iCalendar (RFC 5545) feeds for calendar apps to subscribe to:
/// <c>/calendar/organisations/{token}.ics</c> (an organisation's bookings; the token is the secret)
/// and <c>/calendar/places/{placeId}.ics</c> (a place's sessions), and one session as a file of one event
/// (<c>/calendar/sessions/{sessionId}.ics</c>, for "add this date"). Unknown tokens, places and sessions are 404.
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Maps the feeds and the single-session file.</summary>
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/organisations/{token}.ics", OrganisationFeedAsync).WithName("OrganisationCalendar");
        endpoints.MapGet("/calendar/places/{placeId:guid}.ics", PlaceFeedAsync).WithName("PlaceCalendar");
        endpoints.MapGet("/calendar/sessions/{sessionId:guid}.ics", SessionEventAsync).WithName("SessionCalendar");
        return endpoints;
    }

    private static async Task<IResult> OrganisationFeedAsync(string token, HttpContext context, CancellationToken cancellationToken) =>
        Render(await Feeds(context).GetOrganisationFeedAsync(token, cancellationToken), context);

    private static async Task<IResult> PlaceFeedAsync(Guid placeId, HttpContext context, CancellationToken cancellationToken) =>
        Render(await Feeds(context).GetPlaceFeedAsync(placeId, cancellationToken), context);

    private static async Task<IResult> SessionEventAsync(Guid sessionId, HttpContext context, CancellationToken cancellationToken) =>
        Render(await Feeds(context).GetSessionFeedAsync(sessionId, cancellationToken), context);

    // Built per request from the registered data source (and TimeProvider, if any): nothing to register.
    private static CalendarFeeds Feeds(HttpContext context) =>
        ActivatorUtilities.GetServiceOrCreateInstance<CalendarFeeds>(context.RequestServices);

    private static IResult Render(CalendarFeed? feed, HttpContext context)
    {
        if (feed is null)
        {
            return Results.NotFound();
        }
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        // the organisation feed's URL is a secret: keep it out of shared caches
        context.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(CalendarWriter.Write(feed.Name, feed.Events, clock.GetUtcNow()), ContentType);
    }
}
