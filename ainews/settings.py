"""The one configuration object.

It is built once at the edge of the program (the CLI, a flow's entry point) and passed
down; no other module reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Politeness(BaseModel):
    """Crawl limits for real sites; tests and the demo relax them for 127.0.0.1 only."""

    user_agent: str = "ainews/0.1 (+https://github.com/ainews/ainews; news research crawler)"
    contact_url: str = "https://github.com/ainews/ainews"
    obey_robots_txt: bool = True
    concurrent_requests_per_domain: int = Field(default=2, ge=1)
    download_delay_seconds: float = Field(default=1.0, ge=0)
    autothrottle: bool = True
    autothrottle_target_concurrency: float = Field(default=1.0, gt=0)
    max_retry_after_seconds: float = Field(default=120.0, ge=0)
    download_timeout_seconds: float = Field(default=30.0, gt=0)
    download_maxsize_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    retry_times: int = Field(default=2, ge=0)


class Settings(BaseSettings):
    """Paths, database and politeness limits. Environment variables use the AINEWS_ prefix;
    nested fields use a double underscore (AINEWS_POLITENESS__DOWNLOAD_DELAY_SECONDS=2)."""

    model_config = SettingsConfigDict(
        env_prefix="AINEWS_",
        env_nested_delimiter="__",
        extra="ignore",
    )

    data_dir: Path = Path("data")
    db_path: Path | None = Field(
        default=None,
        description="Published, read-only database analysts open; default <data_dir>/ainews.duckdb",
    )
    sources_file: Path = Path("sources.toml")
    lock_timeout_seconds: float = Field(
        default=30.0,
        ge=0,
        description="How long a writer waits for another writer before giving up",
    )
    politeness: Politeness = Politeness()

    @model_validator(mode="after")
    def _default_db_path(self) -> Settings:
        if self.db_path is None:
            self.db_path = self.data_dir / "ainews.duckdb"
        return self

    @property
    def database(self) -> Path:
        """The published database path (never None after validation)."""
        assert self.db_path is not None
        return self.db_path

    def with_db(self, db: Path | None) -> Settings:
        """A copy pointing at another database file (the CLI's --db option)."""
        if db is None:
            return self
        return self.model_copy(update={"db_path": db})
