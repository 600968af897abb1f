"""``python -m jiebei_tui`` behaves exactly like the ``jiebei-tui`` command."""

from .cli import main

raise SystemExit(main())
