a.id AS "uuid", upper(a.level) AS "level", a.code AS "code", a.name AS "name", a.population AS "population",
a.population_reference_date AS "populationReferenceDate", ST_ForcePolygonCCW(a.geom) AS "geometry",
a.source_code AS "sourceCode", a.municipality_nis AS "municipalityNis"
