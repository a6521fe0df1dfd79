"""`peacewatch extract` over the dev articles writes lines that satisfy extraction.md."""
import json
import subprocess
import sys

from peacewatch.records import Extraction

KINDS = {
    "entities": {"start", "end", "text", "label", "canonical"},
    "times": {"start", "end", "text", "value", "type"},
    "places": {"start", "end", "text", "name", "lat", "lon", "country"},
    "quantities": {"start", "end", "text", "value", "unit", "approximate"},
    "quotes": {"start", "end", "text", "speaker"},
    "events": {"start", "end", "text", "event_type", "sub_event_type", "event_date", "time_precision",
               "actor1", "actor2", "actors", "location", "latitude", "longitude", "fatalities"},
    "provisions": {"start", "end", "text", "category", "parties", "beneficiaries", "places", "deadline", "duration"},
}
EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


def test_extract_over_the_dev_articles_satisfies_the_contract(dev_articles):
    result = subprocess.run([sys.executable, "-m", "peacewatch.cli", "extract", *map(str, dev_articles), "--format", "jsonl"],
                            capture_output=True, text=True, check=True)
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == [p.stem for p in dev_articles]
    for line, path in zip(lines, dev_articles):
        text = json.loads(path.read_text())["text"]
        Extraction.model_validate(line)
        for kind, keys in KINDS.items():
            for mention in line[kind]:
                assert set(mention) == keys, (kind, mention)
                assert text[mention["start"]:mention["end"]] == mention["text"], (kind, mention)
        assert all(e["event_type"] in EVENT_TYPES for e in line["events"])
