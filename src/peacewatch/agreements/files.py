"""Agreement files: YAML an analyst edits, checked against agreement.schema.json.

Every problem names the file, the line and the field (`x.yaml:14: provisions[2].deadline: 'next
year' is not an ISO date or a TIMEX3 duration`), because the person who fixes it is looking at
the YAML, not at a Python object. Lines come from the marks PyYAML keeps on the composed nodes;
fields from the path jsonschema reports. Dates stay strings while checking (YAML would otherwise
turn `2020-11-15` into a date object the schema cannot describe).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from peacewatch.agreements.deadlines import start_day
from peacewatch.agreements.durations import parse_date, parse_datetime, parse_duration
from peacewatch.errors import DuplicateAgreement, InvalidAgreement, UnknownAgreement, UnreadableFile
from peacewatch.knowledge.lexicons import DATA
from peacewatch.records import Agreement

SCHEMA_PATH = Path(__file__).with_name("agreement.schema.json")
SHIPPED = DATA / "agreements"
SUFFIXES = (".yaml", ".yml")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

FieldPath = Sequence[str | int]


class AgreementYaml(yaml.SafeLoader):
    """Safe YAML in which dates and datetimes stay the strings the analyst wrote."""

    yaml_implicit_resolvers = {first: [(tag, rx) for tag, rx in resolvers if tag != TIMESTAMP_TAG]
                               for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def value_checks() -> FormatChecker:
    """The schema's `date`, `date-time` and `duration` formats, checked by the parsers that
    deadlines use, so what validates is what resolves."""
    checker = FormatChecker(formats=())
    checker.checks("date")(lambda v: not isinstance(v, str) or parse_date(v) is not None)
    checker.checks("date-time")(lambda v: not isinstance(v, str) or parse_datetime(v) is not None)
    checker.checks("duration")(lambda v: not isinstance(v, str) or parse_duration(v) is not None)
    return checker


@functools.lru_cache(maxsize=1)
def schema_validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=value_checks())


def field_name(path: FieldPath) -> str:
    """`['provisions', 2, 'deadline']` → `provisions[2].deadline`."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "(agreement)"


def child(node: Node, step: str | int, key: bool = False) -> Optional[Node]:
    """The node one step down a path: a mapping's value (or its key), a sequence's item."""
    if isinstance(node, MappingNode):
        return next(((k if key else v) for k, v in node.value if k.value == str(step)), None)
    if isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def line_of(root: Node, path: FieldPath) -> int:
    """The 1-based line of the deepest node the path reaches (the key's line for the last step,
    where a value spanning lines starts); a missing field points at its parent."""
    node = root
    for index, step in enumerate(path):
        found = child(node, step, key=index == len(path) - 1)
        if found is None:
            break
        node = found
    return node.start_mark.line + 1


def explained(error: ValidationError) -> Iterator[tuple[list, str]]:
    """(field path, message) for one schema error, in the analyst's words where the schema has them."""
    path, instance, schema = list(error.absolute_path), error.instance, error.schema
    title = schema.get("title") if isinstance(schema, dict) else None
    if error.validator == "additionalProperties":
        known = ", ".join(schema.get("properties", {}))
        for extra in sorted(set(instance) - set(schema.get("properties", {}))):
            yield path + [extra], f"unknown field; expected one of: {known}"
    elif error.validator == "required":
        for missing in (k for k in error.validator_value if k not in instance):
            yield path + [missing], "is required"
    elif error.validator == "dependentRequired":
        for given, needed in error.validator_value.items():
            for missing in (k for k in needed if given in instance and k not in instance):
                yield path + [given], f"needs {missing} as well"
    elif error.validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        yield path, f"{instance!r} is not {title or 'allowed'}; expected one of: {choices}"
    elif title and error.validator in ("anyOf", "pattern", "format", "type"):
        yield path, f"{instance!r} is not {title}"
    else:
        yield path, error.message


def duplicate_numbers(agreement: Agreement) -> Iterator[tuple[list, str]]:
    first: dict[str, int] = {}
    for index, provision in enumerate(agreement.provisions):
        if provision.number in first:
            yield (["provisions", index, "number"],
                   f"{provision.number!r} is also the number of provisions[{first[provision.number]}]")
        first.setdefault(provision.number, index)


def unanchored_durations(agreement: Agreement) -> Iterator[tuple[list, str]]:
    """Relative deadlines and terms in a file that gives no time to count them from."""
    if start_day(agreement) is not None:
        return
    for index, provision in enumerate(agreement.provisions):
        fields = [(["deadline"], provision.deadline), (["duration"], provision.duration)]
        fields += [(["amendments", i, "deadline"], a.deadline) for i, a in enumerate(provision.amendments)]
        for field, value in fields:
            if value and parse_duration(value):
                yield (["provisions", index, *field], f"{value!r} counts from the agreement's effective time, "
                                                       "which the file does not give (effective or signed)")


def rule_problems(agreement: Agreement) -> Iterator[tuple[list, str]]:
    """What the schema cannot say: provision numbers are unique, and relative times need a start."""
    yield from duplicate_numbers(agreement)
    yield from unanchored_durations(agreement)


def located(path: Path, root: Node, problems: Iterable[tuple[list, str]]) -> list[InvalidAgreement]:
    found = {(line_of(root, field), field_name(field), message) for field, message in problems}
    return [InvalidAgreement(f"{path}:{line}", f"{field}: {message}") for line, field, message in sorted(found)]


def parse(path: Path) -> tuple[Node, Any]:
    """The composed YAML (for line numbers) and its data; a syntax error as file:line: message."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFile(path, error.strerror if isinstance(error, OSError) else "not UTF-8 text") from None
    loader = AgreementYaml(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InvalidAgreement(f"{path}:1", "the file is empty; an agreement needs at least id and title")
        return root, loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        words = ": ".join(part for part in (error.context, error.problem) if part)
        raise InvalidAgreement(f"{path}:{line}", f"YAML syntax: {words}") from None
    finally:
        loader.dispose()


def agreement_problems(path: Path) -> list[InvalidAgreement]:
    """Every problem of one file, in line order; an empty list when the file is a valid agreement."""
    try:
        root, data = parse(path)
    except InvalidAgreement as error:
        return [error]
    problems = [p for error in schema_validator().iter_errors(data) for p in explained(error)]
    if not problems:
        problems = list(rule_problems(Agreement.model_validate(data)))
    return located(path, root, problems)


def read_agreement(path: Path) -> Agreement:
    """The agreement in a file, or its first problem raised as InvalidAgreement. A file read
    before and unchanged since (same size and modification time) is not parsed again: the API
    reads the agreements on every request, and a corrected file must still show at once."""
    try:
        stat = path.stat()
    except OSError as error:
        raise UnreadableFile(path, error.strerror or "cannot be read") from None
    return _checked_agreement(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _checked_agreement(path: Path, modified: int, size: int) -> Agreement:
    problems = agreement_problems(path)
    if problems:
        raise problems[0]
    return Agreement.model_validate(parse(path)[1])


def agreement_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise UnreadableFile(directory, "no such directory of agreement files")
    return sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES)


def directory_agreements(directory: Path) -> dict[str, Agreement]:
    """The agreements of one directory by id; two files with one id are an error."""
    found: dict[str, tuple[Path, Agreement]] = {}
    for path in agreement_files(directory):
        agreement = read_agreement(path)
        if agreement.id in found:
            raise DuplicateAgreement(path, f"id {agreement.id!r} is already given by {found[agreement.id][0]}")
        found[agreement.id] = (path, agreement)
    return {id_: agreement for id_, (_, agreement) in found.items()}


def load_agreements(directory: Optional[Path] = None) -> list[Agreement]:
    """The shipped agreements, then those of `directory`; an analyst's file replaces the shipped
    one with the same id, so a correction needs no change to the package."""
    agreements = directory_agreements(SHIPPED)
    if directory is not None:
        agreements.update(directory_agreements(directory))
    return list(agreements.values())


def find_agreement(agreements: Iterable[Agreement], agreement_id: str) -> Agreement:
    agreements = list(agreements)
    match = next((a for a in agreements if a.id == agreement_id), None)
    if match is None:
        raise UnknownAgreement(agreement_id, f"no such agreement; known: {', '.join(a.id for a in agreements)}")
    return match
