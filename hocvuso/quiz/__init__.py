"""Quizzes, one folder to open when a question type changes: the question types
reading and checking quiz files (:mod:`.model`), their HTML
(:mod:`.render`), the per-tier answer bundles (:mod:`.bundles`), typed-answer
matching (:mod:`.answers`) and GIFT, Moodle's exchange format (:mod:`.gift`)."""
