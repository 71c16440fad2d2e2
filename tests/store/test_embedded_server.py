import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.db

SCRIPT = """
import sys
from pathlib import Path
from store.embedded import start_embedded_server
print(start_embedded_server(Path(sys.argv[1])))
"""


def test_two_processes_starting_at_once_share_one_server(tmp_path: Path) -> None:
    pgdata = tmp_path / "pgdata"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(pgdata)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outputs[0] == outputs[1] != ""
    assert (pgdata / "PG_VERSION").read_text().strip() == "18"
    # both clients exited: the last one stopped the server cleanly
    assert not (pgdata / "postmaster.pid").exists()
