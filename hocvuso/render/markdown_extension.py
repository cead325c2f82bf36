"""hocvuso's one Python-Markdown extension: what an author's Markdown means on a page of
the site, on paper and in a quiz's text.

Every Markdown text of the course goes through it, after the site's own extensions
(``mkdocs.yml``'s ``markdown_extensions``): lessons and intros as MkDocs renders them,
quiz texts (richtext.py) and handouts (handouts.py). Each part sits at the stage of
Python-Markdown where it belongs, so the page comes out right the first time:

- preprocessor: trainer notes (``!!! huong-dan``, trainer_notes.py) left out of a
  learner's page; the ``<!-- quiz -->`` line kept as the quiz's place, or dropped;
- inline: ``[[term]]`` and ``[[term|shown words]]`` as a link to the term's meaning, or
  as the plain words on paper and in quiz texts (code is left as written);
- tree: a picture as ``<picture>`` with its WebP and sized fallback; a recording
  (``![label](file.mp3)``) as a player that downloads nothing until pressed; on paper,
  a picture from the lesson's own folder and a recording named;
- last of all: the HTML sanitised (sanitize.py), handed to whoever collects a page's
  text (the search index, the trainer-note check), and then the quiz, hocvuso's own
  HTML, put in its place. Its place is marked with characters that Markdown removes
  from every text it reads, as Python-Markdown marks raw HTML, so no author can forge it.

What a text needs to know (the page it is for, the glossary, the pictures, the quiz) is
a :class:`Rendering`, given with :meth:`Hocvuso.start` before each text.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from ..model.glossary import MARK, Glossary
from ..model.lessons import QUIZ_MARKER
from ..model.links import is_audio
from ..model.recordings import player
from ..output.images import Processed, picture_element
from .sanitize import clean_fragment
from .trainer_notes import without_trainer_notes

_QUIZ = f"{STX}hv-quiz{ETX}"  # Markdown takes STX and ETX out of what it reads
_QUIZ_PARAGRAPH = f"<p>{_QUIZ}</p>"


@dataclass
class Rendering:
    """What one text is rendered for. The default: a text with no page of its own (a
    quiz's prompt), its marked terms as plain words."""

    page: str = ""  # site path of the page, for addresses relative to it
    glossary: Glossary | None = None  # marked terms link to their meaning (else plain words)
    terms_page: str = ""  # where those meanings are, relative to the page ("": on the page itself)
    learner: bool = False  # a learner's page: trainer notes left out
    images: Mapping[str, Processed] = field(default_factory=dict)  # site path -> its WebP and fallback
    recordings: Mapping[str, int] = field(default_factory=dict)  # site path -> bytes, of this page's
    paper: Path | None = None  # printed: pictures from this folder (the lesson's), recordings named
    paper_files: Path | None = None  # printed: the folder no picture may come from outside (the content's)
    quiz: str = ""  # HTML put at the quiz's place
    collect: Callable[[str], None] | None = None  # given the page's sanitised HTML, before the quiz


class Hocvuso(Extension):
    """Register with ``Markdown(extensions=[..., Hocvuso()])``; one instance serves every
    text, each after :meth:`start`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rendering = Rendering()

    def start(self, rendering: Rendering) -> None:
        self.rendering = rendering

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After normalize_whitespace (30), which takes out STX and ETX; before
        # html_block (20), which would hide the quiz's HTML-comment line.
        md.preprocessors.register(_Lines(md, self), "hocvuso_lines", 25)
        # Before links (160), which would read "[[x]]" as a reference; after code (190).
        md.inlinePatterns.register(_Term(MARK.pattern, md, self), "hocvuso_term", 175)
        # After inline (20) and attr_list (8), whose "{: .class }" is for the picture itself;
        # before MkDocs checks every address (relpath, 0).
        md.treeprocessors.register(_Media(md, self), "hocvuso_media", 5)
        # After every other postprocessor: the sanitiser must see the final HTML.
        md.postprocessors.register(_Finish(md, self), "hocvuso_finish", -100)


class _Lines(Preprocessor):
    def __init__(self, md: Markdown, extension: Hocvuso) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        rendering = self.extension.rendering
        if rendering.learner:  # removed lines become blank, so nothing moves
            lines = without_trainer_notes("\n".join(lines)).split("\n")
        out: list[str] = []
        placed = False
        for line in lines:
            if QUIZ_MARKER.fullmatch(line):
                if rendering.quiz and not placed:
                    out += ["", _QUIZ, ""]
                    placed = True
                continue
            out.append(line)
        return out


class _Term(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, extension: Hocvuso) -> None:
        super().__init__(pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match, data: str):  # noqa: N802
        rendering = self.extension.rendering
        shown = (m[2] or m[1]).strip()
        if rendering.glossary is None:
            return AtomicString(shown), m.start(0), m.end(0)
        term = rendering.glossary.find(m[1])
        if term is None:  # the content check has reported it
            return None, None, None
        link = etree.Element("a", {"class": "hv-term", "href": f"{rendering.terms_page}#{term.anchor}"})
        link.text = AtomicString(shown)
        return link, m.start(0), m.end(0)


class _Media(Treeprocessor):
    def __init__(self, md: Markdown, extension: Hocvuso) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        rendering = self.extension.rendering
        if not (rendering.images or rendering.recordings or rendering.paper):
            return
        here = posixpath.dirname(rendering.page)
        for parent in list(root.iter()):
            for index, child in enumerate(parent):
                if child.tag != "img":
                    continue
                src = child.get("src", "")
                if "://" in src or src.startswith(("data:", "/")):
                    continue
                if rendering.paper:
                    made = _printed(child, src, rendering.paper)
                else:
                    target = posixpath.normpath(posixpath.join(here, unquote(src)))
                    if target in rendering.recordings:
                        made = player(child.get("alt", ""), src, rendering.recordings[target])
                    elif target in rendering.images:
                        made = picture_element(rendering.images[target], here, child.attrib)
                    else:
                        continue
                made.tail = child.tail
                parent[index] = made


def _printed(img: etree.Element, src: str, folder: Path) -> etree.Element:
    if is_audio(src):
        note = etree.Element("em", {"class": "audio"})
        note.text = f"Bài có ghi âm trên trang web: {img.get('alt', '')}"
        return note
    # A tier book gathers lessons from many folders: each picture is found from its own
    # lesson's folder (links.py has checked it exists).
    img.set("src", (folder / unquote(src)).resolve().as_uri())
    return img


class _Finish(Postprocessor):
    def __init__(self, md: Markdown, extension: Hocvuso) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        rendering = self.extension.rendering
        text = clean_fragment(text, files_in=rendering.paper_files)
        if rendering.collect:
            rendering.collect(text.replace(_QUIZ_PARAGRAPH, "", 1))
        if rendering.quiz:
            text = text.replace(_QUIZ_PARAGRAPH, rendering.quiz, 1)
        return text
