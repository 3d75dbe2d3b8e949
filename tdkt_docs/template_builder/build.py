"""Write every bundled template, deterministically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tdkt_docs.output import write_atomic
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.template_builder.bao_cao import build_bao_cao
from tdkt_docs.template_builder.cong_van import build_cong_van

TEMPLATE_BUILDERS: dict[str, Callable[[Profile], bytes]] = {
    "bao_cao.docx": build_bao_cao,
    "cong_van.docx": build_cong_van,
}


def build_all(out_dir: Path, profile: Profile | None = None) -> list[Path]:
    """Build every template into ``out_dir`` and return the paths written."""
    profile = profile or default_profile()
    written = []
    for name, builder in TEMPLATE_BUILDERS.items():
        path = out_dir / name
        write_atomic(path, builder(profile), overwrite=True)
        written.append(path)
    return written
