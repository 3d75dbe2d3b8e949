"""Build the bundled DOCX templates from code, so the layout is reviewed in a diff.

``python -m tdkt_docs.template_builder [OUT_DIR]`` (or ``tdkt-docs templates build``)
writes ``cong_van.docx``. A test proves the committed file equals a fresh build.
"""

from tdkt_docs.template_builder.build import TEMPLATE_BUILDERS, build_all
from tdkt_docs.template_builder.cong_van import build_cong_van

__all__ = ["TEMPLATE_BUILDERS", "build_all", "build_cong_van"]
