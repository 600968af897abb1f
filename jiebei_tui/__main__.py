"""``python -m jiebei_tui`` behaves exactly like the ``jiebei-tui`` command."""

from jiebei_tui.cli import main

raise SystemExit(main())
