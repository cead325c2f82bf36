"""Just enough HTML reading for assertions: links, text and elements by class."""

from __future__ import annotations

from html.parser import HTMLParser


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (href, text, classes of the <a>)
        self.loads: list[str] = []  # URLs the browser fetches by itself (not <a> links)
        self.text: list[str] = []
        self._open_link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "srcset", "data", "poster"):
            if attrs.get(name) and tag != "a":
                self.loads.append(attrs[name])
        if tag == "a" and "href" in attrs:
            self._open_link = [attrs["href"], "", attrs.get("class") or ""]

    def handle_endtag(self, tag):
        if tag == "a" and self._open_link is not None:
            href, text, classes = self._open_link
            self.links.append((href, " ".join(text.split()), classes))
            self._open_link = None

    def handle_data(self, data):
        self.text.append(data)
        if self._open_link is not None:
            self._open_link[1] += data


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def section(html: str, start_marker: str, end_marker: str) -> str:
    """The HTML between two markers (e.g. the primary navigation)."""
    start = html.index(start_marker)
    return html[start:html.index(end_marker, start)]
