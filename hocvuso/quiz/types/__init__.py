"""Question types: all that hocvuso knows about one kind of question, in one module.

Each module here defines one :class:`QuestionType` (``choice`` defines two): the fields
its YAML may hold, how they are read and checked, what the page shows, what the tier's
answer bundle carries, how it prints in a handout and how it is written as Moodle GIFT.
Everything else (reading a quiz file, the page template, the bundles, handouts, GIFT
export) asks the registry, so a new type is one module here, listed in ``_registry``,
plus its part of the engine in browser/quiz.js (how an answer is read, restored and
judged) and, if its input is new, a widget template in render/templates/questions/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ...problems import Problems
from ...source.yamlfile import Mapping
from ..question import Question

TEXT = {"type": "string", "minLength": 1}
NUMBER = {"type": ["number", "string"]}  # YAML floats stay text; a type parses them itself


@dataclass(frozen=True)
class QuestionType:
    name: str
    # JSON Schema of the type's own fields (the common ones, prompt, id, image..., are
    # quiz/model.py's), and those it cannot do without.
    properties: dict
    required: tuple[str, ...]
    # The checked YAML item, the common fields already read, the file and the problems:
    # a Question, or None after reporting why not (at the item's line).
    read: Callable[[Mapping, dict, Path, Problems], Question | None]
    # render/templates/questions/<widget>.html draws the inputs on the page.
    widget: str
    # What the page's widget shows, given the display order (display_order): its
    # "options" (value, text), "lefts" and "hint"; texts already rendered as HTML.
    shown: Callable[[Question, list[int]], dict]
    # The engine's "c" in the tier bundle: what decides right or wrong, for the order shown.
    answer: Callable[[Question, list[int]], object]
    # The handout's question and answer key: "options", "rows", "choices", "write", "hint",
    # "answer" (rendered HTML where it is author text).
    handout: Callable[[Question, list[int]], dict]
    # Moodle GIFT answer lines for the question's YAML data; None: GIFT cannot hold it.
    to_gift: Callable[[dict], list[str]] | None = None
    # Feedback by what the learner chose: (an option's index, "true"/"false" or "wrong",
    # author text or None). Shown by the engine after "Kiểm tra".
    feedback: Callable[[Question], list[tuple[str, str | None]]] = \
        lambda q: [("wrong", q.feedback)]
    # Examples for the schema's messages where a field means something else in this type.
    examples: dict = field(default_factory=dict)
    # Rows shown in a shuffled order that the page and the handout share (display_order).
    shuffled_rows: bool = False
    # GIFT answers on one line ("{TRUE}", "{#10:1}") rather than one per line.
    gift_one_line: bool = False


def joined(separator: str, parts) -> Markup:
    return Markup(separator).join(parts)


# Last: the type modules import what is defined above.
def _registry() -> dict[str, QuestionType]:
    from . import choice, matching, numeric, ordering, short_text, true_false

    types: dict[str, QuestionType] = {}
    for module in (choice, true_false, short_text, numeric, ordering, matching):
        for question_type in module.TYPES:
            types[question_type.name] = question_type
    return types


QUESTION_TYPES: dict[str, QuestionType] = _registry()
