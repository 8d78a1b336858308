-- Data sources by code, as GraphQL DataSource rows.
SELECT code AS "code", title AS "title", url AS "url", licence AS "licence", attribution AS "attribution",
       reference_date AS "referenceDate"
FROM data_sources WHERE code = ANY(@codes)
