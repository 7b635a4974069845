"""Chart data computed from domain objects: pure Python and NumPy, no Qt and no peewee, so
every series the progress tab draws can be checked without a window."""
