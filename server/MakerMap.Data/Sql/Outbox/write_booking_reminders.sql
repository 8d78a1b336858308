-- Reminders for live bookings that start within the next @lead (and not before @now), as an e-mail
-- in the booker's language (notification_text, migration 0020) and an in-app notification. The key
-- names the booking and its start, so a second run writes nothing and a moved booking gets a new one.
-- Answers how many reminders were written.
WITH due AS (
    -- bookings starting in (@now, @now + @lead]
    SELECT b.id, b.booked_by, lower(b.period) AS starts_at, r.name AS resource_name,
           coalesce(a.email, o.email) AS recipient, coalesce(a.language, 'nl') AS language
      FROM bookings AS b
      JOIN resources AS r ON r.id = b.resource_id
      LEFT JOIN accounts AS a ON a.id = b.booked_by
      LEFT JOIN organisations AS o ON o.id = b.organisation_id
     WHERE b.status IN ('requested', 'confirmed')
       AND lower(b.period) > @now
       AND lower(b.period) <= @now + @lead
), written AS (
    -- the e-mails not written before
    INSERT INTO outbox_messages (message_key, kind, recipient, subject, body, subject_id)
    SELECT 'booking-reminder:' || due.id || ':' || to_char(due.starts_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
           'booking_reminder', due.recipient, t.subject, t.body, due.id
      FROM due
     CROSS JOIN LATERAL notification_text('booking_reminder', due.language, due.resource_name, due.starts_at, NULL) AS t
    ON CONFLICT (message_key) DO NOTHING
    RETURNING subject_id
), told AS (
    -- the same reminder in the booker's in-app list
    INSERT INTO notifications (account_id, kind, booking_id)
    SELECT due.booked_by, 'booking_reminder', due.id
      FROM written JOIN due ON due.id = written.subject_id
     WHERE due.booked_by IS NOT NULL
    RETURNING 1
)
SELECT count(*)::int FROM written
