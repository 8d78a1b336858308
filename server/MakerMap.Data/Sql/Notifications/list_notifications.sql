-- The account's newest notifications, with their text in the account's language (notification_text,
-- migration 0020: the same sentences its e-mails carry).
SELECT n.id, n.kind, n.booking_id, n.created_at, n.read_at, t.subject, t.body
  FROM notifications AS n
  JOIN accounts AS a ON a.id = n.account_id
  JOIN bookings AS b ON b.id = n.booking_id
  JOIN resources AS r ON r.id = b.resource_id
 CROSS JOIN LATERAL notification_text(n.kind, a.language, r.name, lower(b.period), b.decision_note) AS t
 WHERE n.account_id = @account_id AND (NOT @unread_only OR n.read_at IS NULL)
 ORDER BY n.created_at DESC, n.id DESC
 LIMIT @limit
