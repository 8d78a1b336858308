-- Areas whose code is @search or whose name matches it: exact code, exact name, then closest names,
-- municipalities before neighbourhoods before sectors.
SELECT {area_columns} FROM areas AS a
WHERE (@level::text IS NULL OR a.level = @level)
  AND (a.code = @search OR a.name ILIKE '%' || @search || '%' OR word_similarity(@search, a.name) >= 0.5)
ORDER BY (a.code = @search) DESC, (lower(a.name) = lower(@search)) DESC, word_similarity(@search, a.name) DESC,
         CASE a.level WHEN 'municipality' THEN 0 WHEN 'neighbourhood' THEN 1 ELSE 2 END, a.name, a.id
LIMIT @limit
