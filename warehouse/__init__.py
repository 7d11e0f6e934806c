"""DuckDB warehouse: migrations, the single-writer store, loads, queries and exports."""

from warehouse.errors import (
    DatabaseMissingError,
    SchemaTooNewError,
    WarehouseBusyError,
    WarehouseError,
)
from warehouse.store import Warehouse

__all__ = [
    "DatabaseMissingError",
    "SchemaTooNewError",
    "Warehouse",
    "WarehouseBusyError",
    "WarehouseError",
]
