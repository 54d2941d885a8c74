"""Entry point of the frozen app (PyInstaller): the same main() as the console script.

The indexer's worker processes (``reader/core/search/workers.py``, the ``spawn`` start method)
start this executable again, as ``transcript-reader --multiprocessing-fork key=value ...``, and
multiprocessing's resource tracker starts it as ``transcript-reader <flags> -c "from
multiprocessing.resource_tracker import main; ..."``. PyInstaller's run-time hook for
multiprocessing diverts such children, but it imports multiprocessing (and subprocess) at every
start: ~10 ms of the window's start-up, for a module the window does not use. installer.spec
leaves that hook out and this file does its work instead, importing multiprocessing only in a
child.
"""

import sys

# The commands multiprocessing's helper processes run with -c (as PyInstaller's hook lists them).
HELPER_COMMANDS = (
    "from multiprocessing.resource_tracker import main",
    "from multiprocessing.forkserver import main",
    "import sys; from multiprocessing.forkserver import main",
)


def run_multiprocessing_child(argv: list[str]) -> bool:
    """Run this process as the multiprocessing child its arguments describe, if they describe
    one (True once it has run); False for the app itself, with multiprocessing not imported."""
    if len(argv) >= 2 and argv[1] == "--multiprocessing-fork":  # a worker
        from multiprocessing import spawn

        kwds: dict = {}  # pipe_handle=N, parent_pid=N, tracker_fd=N (None on some systems)
        for arg in argv[2:]:
            name, value = arg.split("=")
            kwds[name] = None if value == "None" else int(value)
        spawn.spawn_main(**kwds)
        return True
    if "-c" in argv[1:]:  # a helper: the -c must follow exactly the interpreter's own flags
        at = argv.index("-c", 1)
        command = argv[at + 1] if at + 1 < len(argv) else ""
        if command.startswith(HELPER_COMMANDS):
            from subprocess import _args_from_interpreter_flags  # type: ignore[attr-defined]

            if set(argv[1:at]) == set(_args_from_interpreter_flags()):
                exec(command)
                return True
    return False


if __name__ == "__main__":
    if run_multiprocessing_child(sys.argv):
        raise SystemExit(0)
    from reader.cli import main

    raise SystemExit(main())
