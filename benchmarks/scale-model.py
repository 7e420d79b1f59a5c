#!/usr/bin/env python3
"""The scale model of docs/scale.md: N organisations, their event rates and evidence volumes, turned
into server-node and database load with the per-node costs measured in docs/benchmarks.md.

    benchmarks/scale-model.py [organisations=1000] [seed=2026]

Every constant below names the benchmark it comes from; change them when the benchmarks change. The
organisation mix is drawn with a fixed seed so a run is repeatable.
"""
import random
import sys

# --- measured per-node costs (docs/benchmarks.md; machine: 2 vCPU AMD EPYC, 24 GiB) ---------------
HTTP_APPEND_PER_NODE = 42_889        # "Ledger append over HTTP, batched", 4 clients x 1,000 per batch, SQLite
HTTP_APPEND_PER_NODE_PG = None       # "Ledger append over HTTP on PostgreSQL" (filled in below when measured)
MQTT_SIGNED_PER_NODE = 8_447         # "MQTT ingest through Mosquitto", device-signed, both cores
MQTT_UNSIGNED_PER_NODE = 22_547      # same, unsigned
SINGLE_LOG_APPEND = 86_575           # "Ledger append, in process", one producer, batches of 1,000: a log is serial
SLA_TRACK_US_PER_EVENT = 6.5         # "SLA measurement", incremental tracker per event (one core)
PAGE_S = 0.05                        # "Page rendering", warm pages under 0.05-0.31 s on one core; typical 0.05
ENTRY_BYTES = 390                    # ADR 011: bytes per log entry on disk (rows and indexes), SQLite
EVENT_PAYLOAD_BYTES = 258            # "SLA measurement": a typical event's canonical JSON
HEADROOM = 0.5                       # plan nodes at half their measured capacity

# --- the organisations: a plant exporter's events and people -----------------------------------
# (share of organisations, events per second at busy hours, signed share, evidence MB per month, users)
MIX = [
    ("small: one line, a few layers", 0.70, 0.5, 0.5, 50, 5),
    ("medium: several lines, MQTT gateway", 0.25, 5.0, 0.9, 400, 20),
    ("large: many plants, cameras on every line", 0.05, 60.0, 0.9, 3_000, 80),
]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)
    orgs = []
    for _ in range(n):
        r = rng.random()
        acc = 0.0
        for name, share, rate, signed, evidence, users in MIX:
            acc += share
            if r <= acc:
                # busy-hour rate varies +-50 % around the class's typical rate
                orgs.append((name, rate * rng.uniform(0.5, 1.5), signed, evidence, users))
                break
    events = sum(o[1] for o in orgs)
    signed = sum(o[1] * o[2] for o in orgs)
    unsigned = events - signed
    busiest = max(o[1] for o in orgs)
    evidence_mb_month = sum(o[3] for o in orgs)
    users = sum(o[4] for o in orgs)

    # ingest CPU: signed events cost what the MQTT signed run measured, the rest what HTTP batches cost
    node_share = signed / MQTT_SIGNED_PER_NODE + unsigned / HTTP_APPEND_PER_NODE
    sla_cores = events * SLA_TRACK_US_PER_EVENT / 1e6
    pages_per_s = users * 0.2 / 60            # a fifth of users active, one page a minute each
    page_cores = pages_per_s * PAGE_S
    nodes = (node_share + (sla_cores + page_cores) / 2) / HEADROOM

    rows_per_s = events                       # one log row each (tree nodes and tiles amortise to < 1 row/s per log)
    db_write_mb_s = events * ENTRY_BYTES / 1e6
    log_gb_day = events * 86_400 * 0.35 * ENTRY_BYTES / 1e9   # busy hours are about a third of the day
    print(f"organisations                 {n:,}")
    for name, share, *_ in MIX:
        print(f"  {name:<42} {sum(1 for o in orgs if o[0] == name):,}")
    print(f"events/s at busy hours        {events:,.0f}  (device-signed {signed:,.0f})")
    print(f"busiest single log            {busiest:,.0f} events/s  (a log is serial: "
          f"{busiest / SINGLE_LOG_APPEND:.2%} of one log's measured append rate)")
    print(f"ingest load                   {node_share:.2f} node(s) of 2 vCPU at measured cost")
    print(f"SLA tracking                  {sla_cores:.3f} core(s)")
    print(f"pages                         {pages_per_s:,.1f}/s -> {page_cores:.2f} core(s)")
    print(f"server nodes (50 % headroom)  {max(2, round(nodes + 0.5)):d}  (at least 2 for availability)")
    print(f"database writes               {rows_per_s:,.0f} log rows/s, {db_write_mb_s:.2f} MB/s")
    print(f"log growth                    {log_gb_day:.1f} GB/day, {log_gb_day * 365 / 1000:.1f} TB/year")
    print(f"evidence growth               {evidence_mb_month / 1000:.1f} GB/month (content-addressed, de-duplicated)")
    if HTTP_APPEND_PER_NODE_PG:
        print(f"PostgreSQL appends            {events / HTTP_APPEND_PER_NODE_PG:.2f} of one node's measured rate")


if __name__ == "__main__":
    main()
