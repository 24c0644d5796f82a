"""Pages of the main window: the generic task page configured per task, History, Settings."""
