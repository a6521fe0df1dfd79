"""One settings object: every tunable with its default, help text and environment variable.

CLI options and the README read their defaults and help from here (as Datasette's SETTINGS do),
so a setting cannot be documented in one place and behave differently in another.
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Iterator, Optional

ENV_PREFIX = "PEACEWATCH_"


@dataclass(frozen=True)
class Settings:
    db: str = field(default="sqlite:///peacewatch.db",
                    metadata={"help": "SQLAlchemy URL of the database (a SQLite file by default)."})
    batch_size: int = field(default=32, metadata={"help": "Articles analysed and stored per transaction."})
    timeml_references: bool = field(default=False, metadata={
        "help": "Also tag vague times as TimeML does (now -> PRESENT_REF, recently -> PAST_REF); "
                "peacewatch's own gold leaves them out."})
    event_encoder: str = field(default="minilm", metadata={
        "help": "How the event coder's sentence classifier reads a sentence: minilm (the MiniLM "
                "model, int8 in onnxruntime, on every sentence with a trigger or conflict word: "
                "best on other conflicts' news; analyze() about 1.1x the spaCy parse), "
                "word-pieces+minilm (MiniLM only where word pieces are unsure: cheaper, weaker on "
                "news unlike our sentences) or word-pieces (fastest, weakest)."})
    minilm_threads: int = field(default=0, metadata={
        "help": "Sentences MiniLM reads at once, one thread each; 0 means one per core the process "
                "may use. Lower it when several peacewatch processes share a machine."})
    agreements: str = field(default="", metadata={
        "help": "Directory of agreement files (YAML) read besides the shipped ones; a file there "
                "replaces the shipped agreement with the same id."})
    token: str = field(default="", metadata={
        "help": "Bearer token that lets `peacewatch serve` accept POST /api/articles; unset, the API is read-only."})
    cors_origins: str = field(default="", metadata={
        "help": "Comma-separated origins the API allows cross-origin requests from; unset, CORS is off."})

    @property
    def agreements_dir(self) -> Optional[Path]:
        """The analyst's agreements directory, None when unset (only the shipped agreements)."""
        return Path(self.agreements) if self.agreements else None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by PEACEWATCH_<NAME> environment variables. A value that cannot be
        read keeps the default here (this runs on import, where no error can be shown well);
        `unreadable` names it, and the CLI refuses it before any work starts."""
        values = {}
        for _, raw, spec in given_settings(environ):
            with contextlib.suppress(ValueError):
                values[spec.name] = read_setting(spec.default, raw)
        return cls(**values)

    @classmethod
    def unreadable(cls, environ: dict[str, str] | None = None) -> list[tuple[str, str]]:
        """(variable, reason) for each PEACEWATCH_* value that from_env had to ignore."""
        problems = []
        for variable, raw, spec in given_settings(environ):
            try:
                read_setting(spec.default, raw)
            except ValueError as reason:
                problems.append((variable, str(reason)))
        return problems

    @staticmethod
    def help(name: str) -> str:
        spec = next(f for f in fields(Settings) if f.name == name)
        return f"{spec.metadata['help']} [env {ENV_PREFIX}{name.upper()}]"


def given_settings(environ: dict[str, str] | None) -> Iterator[tuple[str, str, Field]]:
    """(variable, raw value, setting) for each PEACEWATCH_* variable that is set."""
    environ = os.environ if environ is None else environ
    for spec in fields(Settings):
        variable = ENV_PREFIX + spec.name.upper()
        if variable in environ:
            yield variable, environ[variable], spec


def read_setting(default: object, raw: str) -> object:
    """The value `raw` stands for, of `default`'s type; ValueError saying why when it stands for
    none (counts are whole numbers of 0 or more)."""
    if isinstance(default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if not isinstance(default, int):
        return raw
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(f"{raw!r} is not a whole number") from None
    if value < 0:
        raise ValueError(f"{raw!r} is below 0")
    return value


SETTINGS = Settings.from_env()
