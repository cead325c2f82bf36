"""The package's layout as the README describes it, and MkDocs behind its one adapter."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "hocvuso"
ADAPTER = PACKAGE / "render" / "mkdocs_adapter.py"


def _layout_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## Repository layout"):readme.index("## Benchmark")]


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs_or_material():
    importers = {path.relative_to(REPO).as_posix() for path in PACKAGE.rglob("*.py")
                 if _imported(path) & {"mkdocs", "material"}}
    assert importers == {ADAPTER.relative_to(REPO).as_posix()}


def test_the_readme_layout_names_every_sub_package_and_module():
    layout = _layout_section()
    for package in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()):
        assert f"`{package.name}/`" in layout, package.name
    modules = [path.relative_to(PACKAGE) for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"]
    for module in modules:
        written = module.as_posix()
        # quiz/types/ lists its modules by name, one per question type
        named = f"`{written}`" in layout or (module.parent.name == "types" and f"`{module.stem}`" in layout)
        assert named, written
    assert "`browser/`" in layout
