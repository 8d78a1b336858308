-- Areas whose code is @search or whose name matches it: exact code, exact name, then closest names,
-- regions, provinces, municipalities, neighbourhoods, then sectors.
SELECT {area_columns} FROM areas AS a
WHERE (@level::text IS NULL OR a.level = @level)
  AND (a.code = @search OR a.name ILIKE '%' || @search || '%' OR word_similarity(@search, a.name) >= 0.5)
ORDER BY (a.code = @search) DESC, (lower(a.name) = lower(@search)) DESC, word_similarity(@search, a.name) DESC,
         CASE a.level WHEN 'region' THEN 0 WHEN 'province' THEN 1 WHEN 'municipality' THEN 2 WHEN 'neighbourhood' THEN 3 ELSE 4 END, a.name, a.id
LIMIT @limit
