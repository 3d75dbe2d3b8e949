"""Build the bundled DOCX templates from code, so the layout is reviewed in a diff.

``python -m tdkt_docs.template_builder [OUT_DIR]`` (or ``tdkt-docs templates build``)
writes the template of every kind (:mod:`tdkt_docs.kinds`). A test proves each committed
file equals a fresh build.
"""

from tdkt_docs.template_builder.build import build_all

__all__ = ["build_all"]
