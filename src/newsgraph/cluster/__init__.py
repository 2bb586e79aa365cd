"""Scale-out on a Ray cluster: the same extraction as the local path, written as Parquet record shards.

Ray is an optional extra (``pip install newsgraph[ray]``); only ``engine`` imports it.
"""
