"""The package ships to a Dask cluster as a zip: its workers need the requirements, not this project."""
from __future__ import annotations

import hashlib
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extract.run.engines import extract_paths
from extract.pipeline import extract_file
from extract.run.shipping import zip_package

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "data" / "raw").glob("*.txt"))


def rows_digest(results) -> str:
    return hashlib.sha1(repr([result.rows for result in results]).encode()).hexdigest()


def test_the_zip_holds_every_module_and_data_file(tmp_path):
    on_disk = {path.relative_to(REPO).as_posix() for path in (REPO / "extract").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    with zipfile.ZipFile(zip_package(tmp_path)) as zipped:
        names = set(zipped.namelist())
    assert names == on_disk
    assert {"extract/pipeline.py", "extract/resources/units.yaml", "extract/resources/region_aliases.csv"} <= names


EXTRACT_FROM_THE_ZIP_ONLY = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
import extract
from extract.pipeline import extract_file
assert extract.__file__.startswith(sys.argv[1]), extract.__file__
print(hashlib.sha1(repr([extract_file(path).rows for path in sys.argv[2:]]).encode()).hexdigest())
"""


def test_the_package_extracts_from_the_zip_alone(tmp_path):
    archive = zip_package(tmp_path)
    # -I: no PYTHONPATH, no user site; the working directory holds no `extract` folder.
    done = subprocess.run([sys.executable, "-I", "-c", EXTRACT_FROM_THE_ZIP_ONLY, str(archive), *map(str, SEEDS)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == rows_digest(extract_file(path) for path in SEEDS)


# A cluster in a process of its own, whose working directory and sys.path do not reach this repository.
CLUSTER = """
import sys
from dask.distributed import LocalCluster
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        print(cluster.scheduler_address, flush=True)
        sys.stdin.read()    # until the test closes it
"""


@pytest.fixture
def cluster_without_this_project(tmp_path):
    pytest.importorskip("distributed")
    script = tmp_path / "cluster.py"
    script.write_text(CLUSTER, encoding="utf-8")
    # -S skips the site-packages' .pth files, where the Makefile's editable install of this
    # project hooks `extract` in; the packages themselves stay reachable through PYTHONPATH.
    # The cluster's worker processes inherit both.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(site.getsitepackages()))
    with open(tmp_path / "cluster.log", "w") as log:
        process = subprocess.Popen([sys.executable, "-S", str(script)], cwd=tmp_path, env=env, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    try:
        address = process.stdout.readline().strip()
        assert address.startswith("tcp://"), (tmp_path / "cluster.log").read_text()
        yield address
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_cluster_that_cannot_import_this_project_extracts_with_the_uploaded_package(cluster_without_this_project):
    import importlib.util

    from distributed import Client

    with Client(cluster_without_this_project) as client:    # the premise: no `extract` there yet
        assert set(client.run(lambda: importlib.util.find_spec("extract") is None).values()) == {True}
        assert client.run_on_scheduler(lambda: importlib.util.find_spec("extract") is None)
    results = list(extract_paths(SEEDS, engine="dask", scheduler=cluster_without_this_project))
    assert [result.path for result in results] == [str(path) for path in SEEDS]
    assert rows_digest(results) == rows_digest(extract_file(path) for path in SEEDS)
