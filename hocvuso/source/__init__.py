"""Reading what authors wrote: text files with limits, YAML with line marks, front matter,
``mkdocs.yml`` settings and the JSON Schemas that check them. Only this package reads
author files from disk as text; everything after it works on checked data."""
