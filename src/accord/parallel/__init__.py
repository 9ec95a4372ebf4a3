"""Analysis spread over worker processes or a Dask cluster, handed back in input order.

These functions only analyse; the caller is the one writer that stores (SQLite has one
writer). Each yields, in the order of its input, the `Rejected` items and, for every analysed
article, its store rows (`accord.store.db.analysis_rows`).

    analyse_here          this process, the pipeline's own stream
    analyse_in_processes  N processes on this machine (WorkerProcesses), each loading the model once
    analyse_on_cluster    a Dask distributed cluster; workers write Parquet shards
"""

from .batches import analyse_here
from .cluster import analyse_on_cluster, leftover_shards
from .local import WorkerProcesses, analyse_in_processes

__all__ = ["WorkerProcesses", "analyse_here", "analyse_in_processes", "analyse_on_cluster", "leftover_shards"]
