package com.example.accounts.eventstore;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every committed event of the store to Kafka, at least once, keyed by account id so that each account's
 * events stay in order in one partition (EVT-3).
 *
 * <p>Why it cannot skip an event: positions come from a sequence, so a transaction may commit position 11 while
 * position 10 is still uncommitted; a relay that remembers "published up to 11" would never see 10. This relay
 * instead orders events by (writing transaction id, position) and only reads events of transactions older than the
 * oldest transaction still running ({@code pg_snapshot_xmin}). No event can later appear before its checkpoint.
 *
 * <p>Why nothing is lost: the checkpoint moves only after Kafka committed the whole batch. When Kafka is down
 * the relay keeps retrying with back-off; when the relay dies mid-batch, the next one starts again from the
 * checkpoint, so an event is repeated only as itself (same event id). One relay per store publishes at a time,
 * elected by a PostgreSQL advisory lock.
 *
 * <p>Why each account's order survives a failed send: a batch is one Kafka transaction. Sends are not
 * all-or-nothing (while a broker comes back, the first record of a batch may time out and the next ones succeed),
 * so without a transaction a retry would deliver version 1 after version 10. Consumers read with
 * {@code isolation.level=read_committed} and never see a batch that was not committed whole. The transactional
 * id is per database and topic, so a relay that lost its lead (or a zombie of a killed process) is fenced.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final String topic;
    private final String name;
    private final KafkaClients kafka;
    private final Map<String, Object> producerConfig;
    private final int partitions;
    private final int batchSize;
    private final Duration idlePoll;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(Pool pool, String topic, KafkaClients kafka, int partitions) {
        this(pool, topic, kafka, partitions, 500, Duration.ofMillis(200));
    }

    public OutboxRelay(Pool pool, String topic, KafkaClients kafka, int partitions, int batchSize, Duration idlePoll) {
        this.pool = pool;
        this.topic = topic;
        this.name = "relay:" + topic;
        this.partitions = partitions;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.kafka = kafka;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        this.producerConfig = config;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the relay that events were just appended, so it need not wait for its next poll. */
    public void wake() {
        wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            SqlConnection leaderConnection = null;
            try {
                // The advisory lock belongs to this connection's session: holding the connection is holding the lead.
                leaderConnection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
                if (!leader(leaderConnection)) {
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                ensureTopic();
                publishWhileLeader(transactionalId(leaderConnection));
                backoff = Duration.ofMillis(100);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: %s; retrying in %d ms", name, e.getMessage(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            } finally {
                if (leaderConnection != null) {
                    leaderConnection.close().subscribe().with(ignored -> { }, ignored -> { });
                }
            }
        }
    }

    private boolean leader(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_lock(hashtext($1))").execute(Tuple.of(name))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
    }

    private String transactionalId(SqlConnection connection) {
        String database = connection.query("SELECT current_database()").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
        return name + ":" + database;
    }

    private void ensureTopic() {
        KafkaTopics.ensure(kafka, eventTopic(topic, partitions));
        LOG.infof("%s: topic %s has %d partitions or was there, kept forever", name, topic, partitions);
    }

    /** EVT-4: an event topic keeps its events for good and is partitioned by account. */
    public static NewTopic eventTopic(String topic, int partitions) {
        return new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "cleanup.policy", "delete"));
    }

    private void publishWhileLeader(String transactionalId) {
        Checkpoint checkpoint = loadCheckpoint();
        Producer<String, String> producer = transactionalProducer(transactionalId);
        try {
            while (running) {
                List<Row> batch = nextBatch(checkpoint);
                if (batch.isEmpty()) {
                    waitForWork();
                    continue;
                }
                publish(producer, batch);
                Row last = batch.get(batch.size() - 1);
                checkpoint = new Checkpoint(last.getString("tx_text"), last.getLong("position"));
                saveCheckpoint(checkpoint);
            }
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * A failure anywhere closes this producer: the next one's {@code initTransactions} aborts what the failed
     * batch left open, and the batch is sent again from the checkpoint.
     */
    private Producer<String, String> transactionalProducer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        Producer<String, String> producer = kafka.producer(config);
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    private void publish(Producer<String, String> producer, List<Row> batch) {
        producer.beginTransaction();
        for (Row row : batch) {
            EventEnvelope envelope = EventStore.envelope(row);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.accountId().toString(), EventJson.write(envelope));
            record.headers().add("event-id", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", envelope.type().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        producer.flush();
        // Throws when any send of the batch failed; nothing of the batch is then visible to read_committed consumers.
        producer.commitTransaction();
    }

    private List<Row> nextBatch(Checkpoint checkpoint) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("""
                        SELECT position, stream_id, version, event_id, account_id, type, schema_version, data, metadata, tx_id::text AS tx_text
                        FROM events
                        WHERE (tx_id, position) > ($1::text::xid8, $2)
                          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx_id, position
                        LIMIT $3""")
                .execute(Tuple.of(checkpoint.txId(), checkpoint.position(), batchSize))
                .await().atMost(Duration.ofSeconds(30))
                .forEach(rows::add);
        return rows;
    }

    private Checkpoint loadCheckpoint() {
        var rows = pool.preparedQuery("SELECT tx_id::text AS tx_id, position FROM relay_checkpoints WHERE relay = $1")
                .execute(Tuple.of(name)).await().atMost(Duration.ofSeconds(10));
        if (!rows.iterator().hasNext()) {
            return new Checkpoint("0", 0);
        }
        Row row = rows.iterator().next();
        return new Checkpoint(row.getString("tx_id"), row.getLong("position"));
    }

    private void saveCheckpoint(Checkpoint checkpoint) {
        pool.preparedQuery("""
                        INSERT INTO relay_checkpoints (relay, tx_id, position) VALUES ($1, $2::text::xid8, $3)
                        ON CONFLICT (relay) DO UPDATE SET tx_id = excluded.tx_id, position = excluded.position""")
                .execute(Tuple.of(name, checkpoint.txId(), checkpoint.position()))
                .await().atMost(Duration.ofSeconds(10));
    }

    private void waitForWork() {
        try {
            wake.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Checkpoint(String txId, long position) {
    }
}
