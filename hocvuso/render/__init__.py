"""The course turned into pages: the pages' data, the Markdown extensions and the quiz
texts' Markdown, sanitising, trainer notes, handouts, and the one adapter that talks
to MkDocs (:mod:`.mkdocs_adapter`; nothing else here or elsewhere imports MkDocs).
Its ``templates/`` hold hocvuso's own Jinja templates (quiz, handout, offline page)."""
