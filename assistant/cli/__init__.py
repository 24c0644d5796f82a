"""The ``deskmate`` command line."""
