import sys

from hamstring_viewer.cli import main

sys.exit(main())
