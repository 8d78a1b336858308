-- Up to @limit unsent messages, oldest first. SKIP LOCKED lets two dispatchers work side by side
-- without sending a message twice; the row stays locked until the caller's transaction ends.
SELECT m.id, m.message_key, m.kind, m.recipient, m.subject, m.body, m.subject_id, m.created_at
  FROM outbox_messages AS m
 WHERE m.sent_at IS NULL
   AND m.attempts < @max_attempts
 ORDER BY m.created_at, m.id
 LIMIT @limit
   FOR UPDATE SKIP LOCKED
