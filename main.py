"""Start Hamstring Viewer from a checkout: ``python main.py``."""

import sys

from hamstring_viewer.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
