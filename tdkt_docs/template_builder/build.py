"""Write every bundled template, deterministically: one per registered kind."""

from __future__ import annotations

from pathlib import Path

from tdkt_docs.output import write_atomic
from tdkt_docs.profile import Profile, default_profile


def build_all(out_dir: Path, profile: Profile | None = None) -> list[Path]:
    """Build every kind's template into ``out_dir`` and return the paths written."""
    from tdkt_docs.kinds import kinds  # the kinds import their builders from this package

    profile = profile or default_profile()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for document_kind in kinds():
        path = out_dir / document_kind.template_name
        write_atomic(path, document_kind.build_template(profile), overwrite=True)
        written.append(path)
    return written
