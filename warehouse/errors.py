"""Errors a user can act on; each message says what to do next."""


class WarehouseError(Exception):
    """Base class for warehouse problems the CLI reports without a traceback."""


class WarehouseBusyError(WarehouseError):
    """Another process holds the writer lock."""


class SchemaTooNewError(WarehouseError):
    """The database was migrated by a newer ainews than this one."""


class DatabaseMissingError(WarehouseError):
    """No published database exists yet at the given path."""
