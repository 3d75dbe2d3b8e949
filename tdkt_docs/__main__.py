from tdkt_docs.cli import run

run()
