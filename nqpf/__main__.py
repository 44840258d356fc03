import sys

from nqpf.cli import main

sys.exit(main())
