import sys

from nyf.cli import main

sys.exit(main())
