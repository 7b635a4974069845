"""The bundle's entry point. PyInstaller runs its script as __main__, where the package's own
__main__.py (relative imports) cannot run, so this calls the same main."""

import sys

from runstrength_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
