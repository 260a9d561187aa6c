#!/usr/bin/env python3
"""Black-box check of the message contract with a Kafka client Switchboard did not write.

Runs against a live platform (e.g. `java -jar launcher/target/switchboard.jar run`):
sends commands with librdkafka (python3-confluent-kafka), Spring-style correlation headers
included, and checks the result events: keys, seq order, one terminal event, echoed
kafka_correlationId, DLQ provenance headers. Exit code 0 when every check holds.

    python3 scripts/blackbox_check.py [--bootstrap 127.0.0.1:9092] [--prefix switchboard]
"""
import argparse, json, sys, time, uuid
from confluent_kafka import Consumer, Producer, TopicPartition

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", default="127.0.0.1:9092")
    ap.add_argument("--prefix", default="switchboard")
    ap.add_argument("--connection", default="acme")
    a = ap.parse_args()
    results, commands, dlq = (f"{a.prefix}.iqreseller.{t}" for t in ("results", "commands", "dlq"))
    consumer = Consumer({"bootstrap.servers": a.bootstrap, "group.id": "blackbox-" + uuid.uuid4().hex,
                         "enable.auto.commit": False})
    parts = []
    for topic in (results, dlq):
        md = consumer.list_topics(topic, timeout=30).topics[topic]
        for p in md.partitions:  # start at the current end: only this run's events count
            _, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=30)
            parts.append(TopicPartition(topic, p, high))
    consumer.assign(parts)
    producer = Producer({"bootstrap.servers": a.bootstrap, "acks": "all"})
    stream_id, single_id, bad_id = (str(uuid.uuid4()) for _ in range(3))
    corr = uuid.uuid4().bytes
    send = lambda value, headers=None: producer.produce(commands, key=a.connection, value=value, headers=headers)
    send(json.dumps({"id": stream_id, "operation": "customersVendors.list", "connection": a.connection,
                     "params": {"pageSize": 100}}), [("kafka_correlationId", corr)])
    send(json.dumps({"id": single_id, "operation": "inventory.count", "connection": a.connection}))
    send(json.dumps({"id": bad_id, "operation": "no.such.op", "connection": a.connection}))
    marker = "blackbox-" + uuid.uuid4().hex
    send(b"\xff not json " + marker.encode())
    producer.flush(30)

    events, dlq_records, deadline = {}, [], time.time() + 60
    terminal = lambda i: any(e["type"] in ("completed", "failed") for e, _ in events.get(i, []))
    while time.time() < deadline and not (all(terminal(i) for i in (stream_id, single_id, bad_id)) and dlq_records):
        m = consumer.poll(0.5)
        if m is None or m.error():
            continue
        if m.topic() == dlq:
            if marker.encode() in m.value():
                dlq_records.append(m)
            continue
        events.setdefault(m.key().decode(), []).append((json.loads(m.value()), dict(m.headers() or [])))

    checks = []
    def check(name, ok):
        checks.append(ok)
        print(("PASS " if ok else "FAIL ") + name)
    stream = [e for e, _ in events.get(stream_id, [])]
    recs = [e for e in stream if e["type"] == "record"]
    check("stream: records with seq 0..n-1 in order", [e["seq"] for e in recs] == list(range(len(recs))) and len(recs) > 0)
    check("stream: exactly one terminal event, last, completed with matching count",
          len(stream) == len(recs) + 1 and stream[-1]["type"] == "completed" and stream[-1]["records"] == len(recs))
    check("stream: kafka_correlationId echoed on every event",
          all(h.get("kafka_correlationId") == corr for _, h in events.get(stream_id, [])))
    single = [e for e, _ in events.get(single_id, [])]
    check("single: one completed event carrying data.count", len(single) == 1 and single[0]["type"] == "completed"
          and isinstance(single[0].get("data", {}).get("count"), int))
    bad = [e for e, _ in events.get(bad_id, [])]
    check("unknown operation: one failed event, INVALID_COMMAND/UNKNOWN_OPERATION", len(bad) == 1
          and bad[0]["type"] == "failed" and bad[0]["error"]["category"] == "INVALID_COMMAND"
          and bad[0]["error"]["code"] == "UNKNOWN_OPERATION")
    h = dict(dlq_records[0].headers()) if dlq_records else {}
    check("not JSON: DLQ record with original bytes and provenance headers", bool(dlq_records)
          and h.get("switchboard_dlq_topic") == commands.encode() and h.get("switchboard_dlq_reason", b"").startswith(b"NOT_JSON")
          and "switchboard_dlq_offset" in h)
    print(f"{sum(checks)} passed, {len(checks) - sum(checks)} failed")
    consumer.close()
    return 0 if all(checks) else 1

if __name__ == "__main__":
    sys.exit(main())
