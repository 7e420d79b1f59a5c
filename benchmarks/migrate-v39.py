#!/usr/bin/env python3
"""How long migration V39 takes on SQLite, and what it does to the file (docs/operations.md).

Builds the V14-V38 layout of the log's two big tables (WITHOUT ROWID) in a scratch file, fills it with
<entries> entries of about 1 KB (a batch-signed device event) and their leaf tiles, then runs
V39's SQL exactly as Flyway would, in one transaction, and VACUUM.
    benchmarks/migrate-v39.py [entries=1000000] [file=/tmp/v39.db]
"""
import os
import random
import sqlite3
import sys
import time

entries = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/v39.db"
migration = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "platform", "src", "main", "resources",
                         "db", "migration", "sqlite", "V39__log_rows_in_rowid_tables.sql")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.executescript("""
    CREATE TABLE log_entries (log_id INTEGER NOT NULL, idx BIGINT NOT NULL, event_id TEXT NOT NULL,
        type TEXT NOT NULL, service_layer_id TEXT, occurred_at BIGINT NOT NULL, appended_at BIGINT NOT NULL,
        entry BLOB NOT NULL, PRIMARY KEY (log_id, idx), UNIQUE (log_id, event_id)) WITHOUT ROWID;
    CREATE INDEX log_entries_by_type ON log_entries (log_id, type, idx);
    CREATE INDEX log_entries_by_layer ON log_entries (log_id, service_layer_id, idx);
    CREATE TABLE log_leaf_tiles (log_id INTEGER NOT NULL, tile_index BIGINT NOT NULL, hashes BLOB NOT NULL,
        PRIMARY KEY (log_id, tile_index)) WITHOUT ROWID;
""")
batch = 5_120
for start in range(0, entries, batch):
    end = min(start + batch, entries)
    db.execute("BEGIN")
    db.executemany("INSERT INTO log_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (1, i, "mqtt-load-%032x" % random.getrandbits(128), "inspection.verdict", "rqi", i, i,
         os.urandom(16) + b"x" * 960) for i in range(start, end)])
    db.executemany("INSERT INTO log_leaf_tiles VALUES (?, ?, ?)",
                   [(1, t, os.urandom(8192)) for t in range(start // 256, end // 256)])
    db.execute("COMMIT")
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(f"before V39: {os.path.getsize(path) / 1e6:,.0f} MB for {entries:,} entries")
began = time.time()
db.executescript("BEGIN;" + open(migration).read() + "COMMIT;")
took = time.time() - began
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
free = db.execute("PRAGMA freelist_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
print(f"V39: {took:.0f} s; the file is {os.path.getsize(path) / 1e6:,.0f} MB, {free / 1e6:,.0f} MB of it free")
began = time.time()
db.execute("VACUUM")
print(f"VACUUM: {time.time() - began:.0f} s; the file is {os.path.getsize(path) / 1e6:,.0f} MB")
db.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
