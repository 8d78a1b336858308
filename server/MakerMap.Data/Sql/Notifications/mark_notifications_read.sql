-- Marks the account's notifications read (all of them when @ids is null) and answers how many are
-- still unread. Ids of other accounts match nothing.
WITH marked AS (
    -- the account's unread notifications named (or all)
    UPDATE notifications AS n
       SET read_at = @now
     WHERE n.account_id = @account_id AND n.read_at IS NULL AND (@ids::uuid[] IS NULL OR n.id = ANY(@ids))
    RETURNING n.id
)
SELECT count(*)::int - (SELECT count(*)::int FROM marked)
  FROM notifications AS n
 WHERE n.account_id = @account_id AND n.read_at IS NULL
