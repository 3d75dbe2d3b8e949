import sys
from pathlib import Path

from tdkt_docs.template_builder.build import build_all

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates")
for path in build_all(out):
    print(path)
