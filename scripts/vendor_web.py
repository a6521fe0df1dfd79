"""Fetch the dashboard's third-party files from the npm registry, pinned by version and hash.

Our repository holds only the code we write, so Leaflet, topojson-client and the Natural Earth
country outlines (world-atlas) arrive at install time, from `npm pack`. Each tarball's sha512
must equal the integrity pinned in requirements/web-vendor.txt: a republished or tampered
package stops the install instead of reaching the browser. The files land in
src/peacewatch/web/static/vendor/, which git ignores; a copy of the pins there tells a later run
that nothing needs fetching. Standard library only, so it runs before the project is installed.

Usage: python scripts/vendor_web.py [--force]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PINS = ROOT / "requirements" / "web-vendor.txt"
VENDOR = ROOT / "src" / "peacewatch" / "web" / "static" / "vendor"
FETCHED_PINS = VENDOR / ".pins"


class VendorError(Exception):
    """A problem the person running `make vendor` can fix; printed as one line."""


@dataclass(frozen=True)
class Pin:
    """One npm package: exact version, tarball integrity, and the paths the dashboard needs."""

    name: str
    version: str
    integrity: str
    paths: tuple[str, ...]

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


def read_pins(text: str) -> list[Pin]:
    pins = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#")[0].split()
        if not words:
            continue
        name, _, version = words[0].rpartition("@")
        if not name or not version or len(words) < 3 or not words[1].startswith("sha512-"):
            raise VendorError(f"{PINS.name}:{number}: expected 'name@version sha512-… path…'")
        pins.append(Pin(name, version, words[1], tuple(words[2:])))
    return pins


def integrity(data: bytes) -> str:
    """The tarball's Subresource Integrity string, as npm's `dist.integrity` writes it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def pack(pin: Pin, folder: Path) -> Path:
    """Download the package tarball with npm (the registry's ordinary client)."""
    try:
        done = subprocess.run(["npm", "pack", pin.spec, "--json", "--pack-destination", str(folder)],
                              capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise VendorError("npm not found: install Node.js and npm to fetch the dashboard's files") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise VendorError(f"{pin.spec}: npm pack failed: {last}")
    return folder / json.loads(done.stdout)[0]["filename"]


def unpack(pin: Pin, tarball: Path, folder: Path) -> Path:
    """Check the tarball against its pin, then extract it; returns the package's root folder."""
    found = integrity(tarball.read_bytes())
    if found != pin.integrity:
        raise VendorError(f"{pin.spec}: tarball integrity {found[:23]}… is not the pinned {pin.integrity[:23]}…")
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def copy_paths(pin: Pin, package: Path, vendor: Path) -> None:
    """Copy each pinned path to vendor/NAME/, dropping a leading dist/ (so CSS keeps its images/)."""
    for path in pin.paths:
        source = package / path
        target = vendor / pin.name / path.removeprefix("dist/")
        if not source.exists():
            raise VendorError(f"{pin.spec}: the package has no {path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)


def fetch_all(pins: list[Pin], vendor: Path) -> None:
    """Replace the vendor folder with freshly checked copies of every pinned package."""
    shutil.rmtree(vendor, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="peacewatch-vendor-") as temporary:
        for pin in pins:
            folder = Path(temporary) / pin.name
            folder.mkdir()
            copy_paths(pin, unpack(pin, pack(pin, folder), folder), vendor)
            print(f"{pin.spec}: integrity checked, {len(pin.paths)} path(s) copied")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--force", action="store_true", help="fetch again even if the pins have not changed")
    force = parser.parse_args().force
    pins_text = PINS.read_text(encoding="utf-8")
    if not force and FETCHED_PINS.is_file() and FETCHED_PINS.read_text(encoding="utf-8") == pins_text:
        print(f"dashboard files up to date in {VENDOR.relative_to(ROOT)}")
        return 0
    try:
        fetch_all(read_pins(pins_text), VENDOR)
    except VendorError as error:
        shutil.rmtree(VENDOR, ignore_errors=True)
        print(f"error: {error}", file=sys.stderr)
        return 1
    FETCHED_PINS.write_text(pins_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
