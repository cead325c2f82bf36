"""The course as checked, as plain data: the competency framework, lessons, links,
glossary, recordings, the course plan (tiers, order, neighbours) and coverage.
Nothing here writes HTML or knows MkDocs, so all of it is testable on its own."""
