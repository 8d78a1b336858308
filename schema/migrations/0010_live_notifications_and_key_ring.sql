-- 0010: live updates across server instances, and one cookie key ring for all of them.
-- Every change to a booking or to a resource's slots sends a small notification on the channel
-- 'makermap_live' (ids and the affected period, never row contents), from the database itself, so
-- writes by any instance, by a Quartz job or by hand are all announced. PostgreSQL delivers a
-- notification only when its transaction commits, and folds identical payloads within one
-- transaction. Each server instance LISTENs once and fans the events out to its subscribers.
-- data_protection_keys holds ASP.NET Core's data-protection key ring (XML elements), so a cookie
-- signed by one instance is accepted by every other.

-- One notification per booking row change; a moved booking announces the old and new period as one span.
CREATE FUNCTION bookings_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed bookings;
    span    tstzrange;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
        span := OLD.period;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW IS NOT DISTINCT FROM OLD THEN
            RETURN NULL;
        END IF;
        changed := NEW;
        span := range_merge(OLD.period, NEW.period);
    ELSE
        changed := NEW;
        span := NEW.period;
    END IF;
    PERFORM pg_notify('makermap_live', json_build_object(
        'kind', 'booking', 'bookingId', changed.id, 'resourceId', changed.resource_id,
        'start', lower(span), 'end', upper(span))::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_live_notify
    AFTER INSERT OR UPDATE OR DELETE ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_notify_change();

-- Slots change in bulk (materialising eight weeks of a schedule): one notification per resource and
-- statement, spanning every slot the statement touched. Sessions (slots of a place) are not announced.
CREATE FUNCTION slots_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM pg_notify('makermap_live', json_build_object(
                    'kind', 'slots', 'resourceId', c.resource_id, 'start', c.first_start, 'end', c.last_end)::text)
           FROM (SELECT resource_id, min(lower(period)) AS first_start, max(upper(period)) AS last_end
                   FROM new_slots WHERE resource_id IS NOT NULL GROUP BY resource_id) AS c;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM pg_notify('makermap_live', json_build_object(
                    'kind', 'slots', 'resourceId', c.resource_id, 'start', c.first_start, 'end', c.last_end)::text)
           FROM (SELECT resource_id, min(lower(period)) AS first_start, max(upper(period)) AS last_end
                   FROM (SELECT resource_id, period FROM old_slots UNION ALL SELECT resource_id, period FROM new_slots) AS touched
                  WHERE resource_id IS NOT NULL GROUP BY resource_id) AS c;
    ELSE
        PERFORM pg_notify('makermap_live', json_build_object(
                    'kind', 'slots', 'resourceId', c.resource_id, 'start', c.first_start, 'end', c.last_end)::text)
           FROM (SELECT resource_id, min(lower(period)) AS first_start, max(upper(period)) AS last_end
                   FROM old_slots WHERE resource_id IS NOT NULL GROUP BY resource_id) AS c;
    END IF;
    RETURN NULL;
END;
$$;

-- A trigger with transition tables serves one event, hence three.
CREATE TRIGGER slots_live_notify_insert
    AFTER INSERT ON slots REFERENCING NEW TABLE AS new_slots
    FOR EACH STATEMENT EXECUTE FUNCTION slots_notify_change();
CREATE TRIGGER slots_live_notify_update
    AFTER UPDATE ON slots REFERENCING OLD TABLE AS old_slots NEW TABLE AS new_slots
    FOR EACH STATEMENT EXECUTE FUNCTION slots_notify_change();
CREATE TRIGGER slots_live_notify_delete
    AFTER DELETE ON slots REFERENCING OLD TABLE AS old_slots
    FOR EACH STATEMENT EXECUTE FUNCTION slots_notify_change();

CREATE TABLE data_protection_keys (
    -- the key's element name as ASP.NET Core gives it ("key-<guid>")
    friendly_name text PRIMARY KEY CHECK (length(friendly_name) BETWEEN 1 AND 200),
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
