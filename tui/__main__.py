from tui.cli import main

# Guarded: the parse workers (spawned processes) import this module again.
if __name__ == "__main__":
    raise SystemExit(main())
