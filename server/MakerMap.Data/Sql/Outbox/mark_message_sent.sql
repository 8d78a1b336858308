-- The sender accepted the message (or failed: then @error is set and sent_at stays NULL).
UPDATE outbox_messages
   SET sent_at = CASE WHEN @error::text IS NULL THEN @now ELSE NULL END,
       attempts = attempts + 1,
       last_error = @error::text
 WHERE id = @id
