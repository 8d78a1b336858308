using MakerMap.Data.Internal;

namespace MakerMap.Data.Outbox;

/// <summary>The Outbox area's SQL, loaded once.</summary>
internal static class OutboxSql
{
    public static readonly string WriteBookingReminders = EmbeddedSql.Load("Outbox/write_booking_reminders.sql");
    public static readonly string WriteSessionReminders = EmbeddedSql.Load("Outbox/write_session_reminders.sql");
    public static readonly string ClaimPending = EmbeddedSql.Load("Outbox/claim_pending_messages.sql");
    public static readonly string MarkSent = EmbeddedSql.Load("Outbox/mark_message_sent.sql");
}
