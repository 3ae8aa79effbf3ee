"""Ship this package to a Dask cluster, so its workers need only the third-party requirements.

`zip_package` writes the `extract` package — every module and every data file
in `extract/resources/` — into one zip; `upload_package` hands it to
Dask's upload plugins, which put the zip on the scheduler's and every worker's
`sys.path` and import it there (workers that join later get it too). It imports
from the zip because nothing in the package reads its files by path:
`resources.py` goes through `importlib.resources`. The scheduler needs the code
as well: it unpickles the task graph.

>>> import tempfile, zipfile
>>> with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(zip_package(folder)) as zipped:
...     names = zipped.namelist()
>>> "extract/pipeline.py" in names and "extract/resources/units.yaml" in names
True
"""
from __future__ import annotations

import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]   # the whole `extract` package, not this stage
PACKAGE_NAME = PACKAGE_DIR.name
LEFT_OUT = ("__pycache__", ".pyc")   # compiled for this machine's Python; workers compile their own
PLUGIN_NAME = "extract-package"      # one name: a new upload replaces the last one's plugin
PROCESS_MARK = uuid.uuid4().hex      # tells this process from the cluster's, on whatever machine


def package_files() -> list[Path]:
    """The files of the package, sorted: modules and data, without bytecode caches."""
    return sorted(path for path in PACKAGE_DIR.rglob("*") if path.is_file() and not any(
        part.endswith(LEFT_OUT) for part in path.relative_to(PACKAGE_DIR).parts))


def zip_package(folder: str | Path) -> Path:
    """Write `extract.zip` into `folder`: the package as it is importable from a zip."""
    archive = Path(folder) / f"{PACKAGE_NAME}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in package_files():
            zipped.write(path, Path(PACKAGE_NAME, path.relative_to(PACKAGE_DIR)).as_posix())
    return archive


def upload_package(client) -> None:
    """Put this package on the scheduler and the workers of a `dask.distributed.Client`.

    The upload imports the package there, so their Python needs the packages
    of requirements.txt; where that fails, this raises with its error before any
    document is sent. A scheduler or workers running in this very process (an
    in-process LocalCluster) have the code already and get nothing: the upload
    would re-import `extract` here, from a zip that goes away with the cluster.
    Workers that imported an older upload keep its modules until restarted.
    """
    from distributed.diagnostics.plugin import SchedulerUploadFile, UploadFile

    scheduler_here = client.run_on_scheduler(_runs_in_this_process())
    workers_here = client.run(_runs_in_this_process())
    with tempfile.TemporaryDirectory() as folder:
        archive = str(zip_package(folder))
        if not scheduler_here:
            client.register_plugin(SchedulerUploadFile(archive), name=PLUGIN_NAME)
        if not workers_here or not all(workers_here.values()):   # none yet: those that join need it
            client.register_plugin(UploadFile(archive), name=PLUGIN_NAME)


def _runs_in_this_process():
    """A function that tells, wherever it runs, whether that is this process.

    A lambda, so that Dask sends it by value: the other side cannot import this package yet.
    """
    return lambda module=__name__, mark=PROCESS_MARK: getattr(sys.modules.get(module), "PROCESS_MARK", None) == mark
