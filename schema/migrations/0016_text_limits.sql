-- 0016: every text column an API caller can fill has a length limit (issue 12), so no write path
-- (GraphQL, REST, a job, a script) can store a 900 kB deployment address again. The limits are those
-- the API checks first (MakerMap.Api/Schema/TextInputRules.cs and the data layer's commands); columns
-- that had one already (organisations.name, accounts.display_name, places.name, resources.name,
-- bookings.purpose, bookings.cancellation_reason, bookings.idempotency_key, access_tokens.description)
-- keep it. The constraints are NOT VALID: they hold for every row written from now on without
-- scanning, or failing on, rows an older server stored; VALIDATE CONSTRAINT them once those are cleaned.
-- Lists (languages, confirmed requirements) are bounded in items as the API bounds them.

-- organisations and accounts
ALTER TABLE organisations
    ADD CONSTRAINT organisations_website_length CHECK (length(website) <= 2000) NOT VALID,
    ADD CONSTRAINT organisations_email_length CHECK (length(email) <= 320) NOT VALID;
ALTER TABLE accounts
    ADD CONSTRAINT accounts_email_length CHECK (length(email) <= 320) NOT VALID;

-- places
ALTER TABLE places
    ADD CONSTRAINT places_slug_length CHECK (length(slug) <= 100) NOT VALID,
    ADD CONSTRAINT places_location_note_length CHECK (length(location_note) <= 1000) NOT VALID,
    ADD CONSTRAINT places_street_address_length CHECK (length(street_address) <= 200) NOT VALID,
    ADD CONSTRAINT places_postal_code_length CHECK (length(postal_code) <= 20) NOT VALID,
    ADD CONSTRAINT places_locality_length CHECK (length(locality) <= 100) NOT VALID,
    ADD CONSTRAINT places_description_length CHECK (length(description) <= 5000) NOT VALID,
    ADD CONSTRAINT places_phone_length CHECK (length(phone) <= 50) NOT VALID,
    ADD CONSTRAINT places_email_length CHECK (length(email) <= 320) NOT VALID,
    ADD CONSTRAINT places_website_length CHECK (length(website) <= 2000) NOT VALID,
    ADD CONSTRAINT places_opening_hours_length CHECK (length(opening_hours) <= 500) NOT VALID,
    ADD CONSTRAINT places_languages_items CHECK (cardinality(languages) <= 100) NOT VALID;

-- resources and their requirements
ALTER TABLE resources
    ADD CONSTRAINT resources_slug_length CHECK (length(slug) <= 100) NOT VALID,
    ADD CONSTRAINT resources_description_length CHECK (length(description) <= 5000) NOT VALID;
ALTER TABLE resource_requirements
    ADD CONSTRAINT resource_requirements_code_length CHECK (length(code) <= 64) NOT VALID,
    ADD CONSTRAINT resource_requirements_description_length CHECK (length(description) <= 1000) NOT VALID;

-- schedules
ALTER TABLE schedules
    ADD CONSTRAINT schedules_slug_length CHECK (length(slug) <= 100) NOT VALID,
    ADD CONSTRAINT schedules_title_length CHECK (length(title) <= 200) NOT VALID,
    ADD CONSTRAINT schedules_time_zone_length CHECK (length(time_zone) <= 64) NOT VALID,
    ADD CONSTRAINT schedules_rrule_length CHECK (length(rrule) <= 500) NOT VALID;

-- bookings
ALTER TABLE bookings
    ADD CONSTRAINT bookings_deployment_address_length CHECK (length(deployment_address) <= 500) NOT VALID,
    ADD CONSTRAINT bookings_decision_note_length CHECK (length(decision_note) <= 2000) NOT VALID,
    ADD CONSTRAINT bookings_confirmed_requirements_items CHECK (cardinality(confirmed_requirements) <= 100) NOT VALID;
