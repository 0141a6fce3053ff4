import sys

from ipready.cli import main

sys.exit(main())
