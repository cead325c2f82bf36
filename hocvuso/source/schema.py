"""JSON-Schema validation of loaded YAML, reported in the author's words and lines.

jsonschema does the checking; this module turns its errors into :class:`Problem`
messages in Vietnamese, each at the line of the offending value with a hint that shows
a line to type, and reports keys the schema does not know with the nearest known key.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from ..problems import Problems, did_you_mean
from .yamlfile import Mapping, line_of

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "array": "một danh sách",
    "object": "một nhóm trường (key: value)",
    "boolean": "true hoặc false",
    "null": "để trống",
}
# What a pattern asks for, in words, and a value that fits it.
_PATTERNS = {
    SLUG: ("chỉ được dùng chữ thường không dấu, chữ số và dấu '-'", "mat-khau-va-otp"),
    r"^\d+$": ("chỉ được gồm chữ số", '"1"'),
    r"^\d+\.\d+$": ("phải là mã dạng '1.1' (số miền, dấu chấm, số thứ tự)", '"1.1"'),
}
_FORMATS = {
    "date": ("một ngày dạng năm-tháng-ngày", "2026-12-31"),
    "uri": ("một địa chỉ web", "https://example.org/"),
    "email": ("một địa chỉ thư điện tử", "ten@example.org"),
}
_GUIDE = "xem cách viết trong HUONG-DAN-SOAN-BAI.md"
# Validators said in one sentence after the field's name: the words, and the hint when
# it is not the example line of the key.
_WORDS = {
    "minimum": ("phải từ {value} trở lên, không phải {instance}", None),
    "exclusiveMinimum": ("phải lớn hơn {value}, không phải {instance}", None),
    "maximum": ("phải nhỏ hơn hoặc bằng {value}, không phải {instance}", None),
    "exclusiveMaximum": ("phải nhỏ hơn {value}, không phải {instance}", None),
    "multipleOf": ("phải là bội số của {value}, không phải {instance}", None),
    "const": ("chỉ có thể là '{typed}', không phải {shown}", None),
    "minLength": ("cần ít nhất {value} ký tự, đang có {count}", None),
    "maxLength": ("dài quá: tối đa {value} ký tự, đang có {count}",
                  "viết ngắn lại hoặc chuyển bớt nội dung vào bài học"),
    "minItems": ("cần ít nhất {value} mục", "thêm mục vào danh sách (mỗi mục một dòng bắt đầu bằng '- ')"),
    "maxItems": ("chỉ được có tối đa {value} mục, đang có {count}", "xóa bớt mục"),
    "minProperties": ("cần ít nhất {value} trường, đang có {count}", None),
    "maxProperties": ("chỉ được có tối đa {value} trường, đang có {count}", "xóa bớt trường"),
}


def check(
    data: Any, schema: dict, *, problems: Problems, path: Path, what: str, example: dict
) -> bool:
    """Report every problem of ``data`` against ``schema``; True when there is none.

    ``what`` names the thing being checked in messages ("phần đầu bài học");
    ``example`` gives, per key, a line the author can copy: looked up by the dotted
    path of the key without list positions ("tiers.name"), then by the key alone; a key
    with no line gets one made from its schema.
    """
    before = len(problems.items)
    _check_unknown_keys(data, schema, problems=problems, path=path, where=())
    validator, valid = _validator(schema)
    if valid is not None and valid(data):
        return len(problems.items) == before
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator == "additionalProperties" and "properties" in error.schema:
            continue  # already reported by _check_unknown_keys, with the nearest known key
        where = tuple(error.absolute_path)
        line = line_of(data, where)
        message, hint = _describe(error, where, schema=schema, what=what, example=example)
        problems.add(path, line, message, hint)
    return len(problems.items) == before


_VALIDATORS: dict[int, tuple[dict, Any, Any]] = {}  # id(schema) -> (schema, validator, quick yes/no)


def _validator(schema: dict) -> tuple[Any, Any]:
    """The jsonschema validator of a schema, and a quick "is it valid" for it (or None).

    Made once per schema: making one costs more than checking a small file with it.
    Schemas are module constants; the schema is kept with its validators so its id stays
    its own. The quick check is fastjsonschema's compiled code, ten times faster, asked
    only whether the data is valid: when it is not, jsonschema finds and words the
    problems as before. It is not used for schemas with formats, which the two libraries
    check differently."""
    kept = _VALIDATORS.get(id(schema))
    if kept is None or kept[0] is not schema:
        if len(_VALIDATORS) > 64:  # schemas made on the fly: do not keep them all
            _VALIDATORS.clear()
        full = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        kept = _VALIDATORS[id(schema)] = (schema, full, None if '"format"' in json.dumps(schema) else _quick(schema))
    return kept[1], kept[2]


def _quick(schema: dict) -> Any:
    try:
        compiled = fastjsonschema.compile(schema)
    except fastjsonschema.JsonSchemaDefinitionException:
        return None

    def valid(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True
    return valid


def not_a_mapping(value: Any, *, what: str, start: list[str], lines: str = "'tên: giá trị'") -> tuple[str, str]:
    """Message and hint for a whole file that is not made of ``lines`` ("key: value").

    ``start`` is the first lines of a good file, shown in the hint.
    """
    if value is None:
        found = "tệp trống"
    elif isinstance(value, list):
        found = "một danh sách"
    else:
        found = f"một dòng chữ ({_show(value)})"
    return (f"{what} phải gồm các dòng {lines}, không phải {found}",
            "ví dụ, tệp bắt đầu như sau:" + "".join(f"\n      {line}" for line in start))


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


def _describe(error: jsonschema.ValidationError, where: tuple, *, schema: dict, what: str,
              example: dict) -> tuple[str, str]:
    """A Vietnamese message and a hint, never empty, for one jsonschema error."""
    field = f"'{_name(where)}'" if where else what
    kind, value, instance = error.validator, error.validator_value, error.instance
    # A line to copy for the key nearest the error (an item's error shows its list's line).
    key_path = tuple(step for step in where if isinstance(step, str))
    lines = _example_lines(key_path, schema, example)
    hint = "ví dụ: " + " hoặc ".join(f"'{line}'" for line in lines) if lines else _GUIDE

    if kind == "required":
        missing = error.message.split("'")[1]
        line = _example_lines(key_path + (missing,), schema, example)[0]
        return f"thiếu trường bắt buộc '{_name(where + (missing,))}'", f"thêm dòng '{line}'"
    if kind == "type":
        expected = value if isinstance(value, list) else [value]
        if not where and expected == ["object"]:  # the whole file
            keys = schema.get("required") or list(schema.get("properties", {}))
            start = [_example_lines((key,), schema, example)[0] for key in keys[:3]]
            return not_a_mapping(instance, what=what, start=start)
        names = " hoặc ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return f"{field} phải là {names}, không phải {_show(instance)}", hint
    if kind == "minLength" and value <= 1:
        where_to_write = "cho mục này" if where and isinstance(where[-1], int) else "sau dấu ':'"
        return f"{field} không được để trống", f"viết nội dung {where_to_write}, {hint}"
    if kind in ("minItems", "maxItems") and error.schema.get("minItems") == error.schema.get("maxItems"):
        return f"{field} cần đúng {value} mục, đang có {len(instance)}", hint
    if kind in _WORDS:
        words, fixed_hint = _WORDS[kind]
        count = len(instance) if isinstance(instance, (str, list, dict)) else 0
        return (f"{field} " + words.format(value=value, instance=instance, count=count, shown=_show(instance),
                                           typed=_yaml(value)), fixed_hint or hint)
    if kind == "pattern":
        words = _PATTERNS.get(value, (f"không đúng dạng yêu cầu (mẫu {value})",))[0]
        return f"{field} {words}, không phải {_show(instance)}", hint
    if kind == "format":
        words = _FORMATS.get(value, (f"đúng dạng '{value}'",))[0]
        return f"{field} phải là {words}, không phải {_show(instance)}", hint
    if kind == "enum":
        return (f"{field} phải là một trong: {', '.join(map(_yaml, value))}, không phải {_show(instance)}",
                did_you_mean(str(instance), [str(v) for v in value]))
    if kind in ("anyOf", "oneOf"):
        forms = " hoặc ".join(dict.fromkeys(_form(alternative) for alternative in value))
        return f"{field} phải là {forms}, không phải {_show(instance)}", hint
    if kind == "uniqueItems":
        repeated = next((item for index, item in enumerate(instance) if item in instance[:index]), None)
        return (f"{field} có mục bị lặp lại" + (f": {_show(repeated)}" if repeated is not None else ""),
                "xóa mục trùng")
    if kind == "additionalProperties":
        extra = sorted(map(str, set(instance) - set(error.schema.get("properties", {}))))
        return f"trường '{', '.join(extra)}' không được hỗ trợ" + _at(where), "xóa hoặc sửa dòng này"
    detail = error.message if len(error.message) <= 200 else error.message[:200] + "…"
    return f"{field} không hợp lệ (jsonschema: {detail})", hint


def _example_lines(key_path: tuple, schema: dict, example: dict) -> list[str]:
    """Lines to copy for the key at ``key_path``: the author's example, else made from its
    schema (one per allowed form); none above the first key."""
    if not key_path:
        return []
    key = key_path[-1]
    line = example.get(".".join(map(str, key_path))) or example.get(key)
    return [line] if line else [f"{key}: {sample}" for sample in _samples(_subschema(schema, key_path))]


def _subschema(schema: dict, key_path: tuple) -> dict:
    """The schema of the key at ``key_path`` (keys only; list levels are passed through)."""
    for key in key_path:
        while schema.get("type") == "array" and isinstance(schema.get("items"), dict):
            schema = schema["items"]
        if key in schema.get("properties", {}):
            schema = schema["properties"][key]
        elif isinstance(schema.get("additionalProperties"), dict):
            schema = schema["additionalProperties"]
        else:
            return {}
    return schema


def _samples(schema: dict) -> list[str]:
    """Values that fit ``schema``, written as YAML: one per alternative of an anyOf/oneOf."""
    for alternatives in ("anyOf", "oneOf"):
        if alternatives in schema:
            return [s for alternative in schema[alternatives] for s in _samples(alternative)]
    return [_sample(schema)]


def _sample(schema: dict) -> str:
    if "examples" in schema:
        return _yaml(schema["examples"][0])
    if "const" in schema:
        return _yaml(schema["const"])
    if "enum" in schema:
        return _yaml(schema["enum"][0])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "boolean":
        return "true"
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
        step = schema.get("multipleOf", 1)
        low = -(-low // step) * step  # the first multiple of step from low
        return str(min(low, schema.get("maximum", low)))
    if kind == "string":
        known = _PATTERNS.get(schema.get("pattern")) or _FORMATS.get(schema.get("format"))
        return known[1] if known else "<đoạn chữ>"
    if kind == "array":
        item = _sample(schema.get("items") or {})
        return "[" + ", ".join([item] * max(schema.get("minItems", 1), 1)) + "]"
    if kind == "object":
        properties = schema.get("properties", {})
        return "{" + ", ".join(f"{k}: {_sample(properties.get(k, {}))}"
                               for k in schema.get("required", [])) + "}"
    return "<giá trị>"


def _form(schema: dict) -> str:
    """One allowed form of a value, in words, for an anyOf/oneOf message."""
    if "const" in schema:
        return f"'{_yaml(schema['const'])}'"
    if "enum" in schema:
        return " hoặc ".join(f"'{_yaml(v)}'" for v in schema["enum"])
    kinds = schema.get("type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " hoặc ".join(_TYPE_NAMES.get(t, t) for t in kinds) or "một giá trị"


def _yaml(value: Any) -> str:
    """``value`` as an author would type it in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(_yaml, value)) + "]"
    if isinstance(value, str) and (not value or re.fullmatch(r"[\d.]+|true|false|.*[:#\[\]{},].*", value)):
        return json.dumps(value, ensure_ascii=False)  # would otherwise read as a number or break the line
    return str(value)


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
