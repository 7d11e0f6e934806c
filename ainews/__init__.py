"""ainews: news about AI investments, turned into deal records in DuckDB."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ainews")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"
