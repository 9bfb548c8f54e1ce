"""`make bench` (`python -m bench`): what the site costs to build, serve, load and search.

Measurements, not tests: nothing here fails a build. The product is a black box reached through its
commands (`python -m scripts.build_site`, `python -m mkdocs serve`) and the HTML they write, always in a
throwaway copy of the project. Results go to bench/results.json; BENCHMARKS.md gets one generated table.
"""
