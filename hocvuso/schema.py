"""JSON-Schema validation of loaded YAML, reported in the author's words and lines.

jsonschema does the checking; this module turns its errors into :class:`Problem`
messages in Vietnamese, each at the line of the offending value, and reports keys
the schema does not know with the nearest known key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema

from .problems import Problems, did_you_mean
from .yamlsource import Mapping, line_of

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "array": "một danh sách",
    "object": "một nhóm trường (key: value)",
    "boolean": "true hoặc false",
}


def check(
    data: Any, schema: dict, *, problems: Problems, path: Path, what: str, example: dict
) -> bool:
    """Report every problem of ``data`` against ``schema``; True when there is none.

    ``what`` names the thing being checked in messages ("phần đầu bài học");
    ``example`` gives, per required key, a line the author can copy.
    """
    before = len(problems.items)
    _check_unknown_keys(data, schema, problems=problems, path=path, where=())
    validator = jsonschema.Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(error.absolute_path)
        line = line_of(data, where)
        message, hint = _describe(error, where, what=what, example=example)
        problems.add(path, line, message, hint)
    return len(problems.items) == before


def _check_unknown_keys(data: Any, schema: dict, *, problems: Problems, path: Path, where: tuple):
    if isinstance(data, Mapping) and "properties" in schema:
        known = list(schema["properties"])
        for key in data:
            if key not in schema["properties"]:
                problems.add(
                    path,
                    data.line_of(key),
                    f"trường '{key}' không được hỗ trợ" + _at(where),
                    did_you_mean(str(key), known),
                )
            else:
                _check_unknown_keys(
                    data[key], schema["properties"][key], problems=problems, path=path,
                    where=where + (key,),
                )
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(data):
            _check_unknown_keys(item, schema["items"], problems=problems, path=path,
                                where=where + (index,))


def _at(where: tuple) -> str:
    return f" trong '{_name(where)}'" if where else ""


def _name(where: tuple) -> str:
    text = ""
    for step in where:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _describe(error: jsonschema.ValidationError, where: tuple, *, what: str, example: dict):
    field = f"'{_name(where)}'" if where else what
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        full = where + (missing,)
        sample = example.get(missing, f"{missing}: ...")
        return f"thiếu trường bắt buộc '{_name(full)}'", f"thêm dòng '{sample}'"
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = " hoặc ".join(_TYPE_NAMES.get(t, t) for t in expected)
        key = next((step for step in reversed(where) if isinstance(step, str)), None)
        sample = example.get(key, "")
        return (f"{field} phải là {names}, không phải {_show(error.instance)}",
                f"ví dụ: '{sample}'" if sample else "")
    if kind == "minItems":
        return f"{field} cần ít nhất {error.validator_value} mục", "thêm mục vào danh sách (mỗi mục một dòng bắt đầu bằng '- ')"
    if kind == "minLength":
        return f"{field} không được để trống", ""
    if kind == "minimum":
        return f"{field} phải từ {error.validator_value} trở lên, không phải {error.instance}", ""
    if kind == "maximum":
        return f"{field} phải nhỏ hơn hoặc bằng {error.validator_value}, không phải {error.instance}", ""
    if kind == "pattern":
        return (
            f"{field} chỉ được dùng chữ thường không dấu, chữ số và dấu '-', không phải "
            f"{_show(error.instance)}",
            "ví dụ: 'mat-khau-va-otp'",
        )
    if kind == "uniqueItems":
        return f"{field} có mục bị lặp lại", "xóa mục trùng"
    if kind == "enum":
        return f"{field} phải là một trong: {', '.join(map(str, error.validator_value))}", ""
    return f"{field}: {error.message}", ""


def _show(value: Any) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "một nhóm trường"
    if isinstance(value, list):
        return "một danh sách"
    return f"'{value}'"
