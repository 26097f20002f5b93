package com.example.accounts.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes every committed event of the store to Kafka, at least once, keyed by account id so that each account's
 * events stay in order in one partition (EVT-3).
 *
 * <p>Why it cannot skip an event: positions come from a sequence, so a transaction may commit position 11 while
 * position 10 is still uncommitted; a relay that remembers "published up to 11" would never see 10. This relay
 * instead orders events by (writing transaction id, position) and reads only events of transactions below a horizon
 * that no transaction can still write under ({@link PublicationHorizon}, which also says why one open transaction
 * elsewhere in the cluster no longer holds it back). No event can later appear before its checkpoint. Within an
 * account that order is position order, so consistency tokens hold (PRM-4, see {@link EventStore}).
 *
 * <p>Why nothing is lost: the checkpoint moves only after Kafka committed the whole batch. When Kafka is down
 * the relay keeps retrying with back-off; when the relay dies mid-batch, the next one starts again from the
 * checkpoint, so an event is repeated only as itself (same event id).
 *
 * <p>Why one relay leads, and another takes over: the lead is a session advisory lock held on a connection of the
 * relay's own, never one of the pool (a pooled connection goes back to the pool with its session, and its lock,
 * alive: after a Kafka outage or a stopped relay no other replica could ever take the lead). The leader reads,
 * checkpoints and keeps its lock on that one connection, so losing it loses the lead and stops the leader at its next
 * statement; any failure closes it, which ends the session and frees the lead for another instance.
 *
 * <p>Why each account's order survives a failed send: a batch is one Kafka transaction. Sends are not
 * all-or-nothing (while a broker comes back, the first record of a batch may time out and the next ones succeed),
 * so without a transaction a retry would deliver version 1 after version 10. Consumers read with
 * {@code isolation.level=read_committed} and never see a batch that was not committed whole. The transactional
 * id is per database and topic, so a relay that lost its lead (or a zombie of a killed process) is fenced.
 *
 * <p>{@link #status()} says, from any instance, how far behind publication is and why.
 *
 * <p>This class is the relay's loop: taking the lead, reading each batch below the horizon, moving the checkpoint
 * ({@link RelayCheckpoint}) after Kafka committed the batch ({@link BatchPublisher}); {@link RelayStatusQuery} reads
 * its status.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Supplier<Uni<SqlConnection>> leadConnections;
    private final String topic;
    private final String name;
    private final KafkaClients kafka;
    private final int partitions;
    private final int batchSize;
    private final Duration idlePoll;
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean leading;
    private volatile String lastFailure;
    private Thread thread;

    /** @param leadConnections opens a connection of the relay's own to the store's database, for the lead (see {@link #dedicatedConnections}) */
    public OutboxRelay(Pool pool, Supplier<Uni<SqlConnection>> leadConnections, String topic, KafkaClients kafka, int partitions) {
        this(pool, leadConnections, topic, kafka, partitions, 500, Duration.ofMillis(200));
    }

    public OutboxRelay(Pool pool, Supplier<Uni<SqlConnection>> leadConnections, String topic, KafkaClients kafka, int partitions,
            int batchSize, Duration idlePoll) {
        this.pool = pool;
        this.leadConnections = leadConnections;
        this.topic = topic;
        this.name = "relay:" + topic;
        this.partitions = partitions;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.kafka = kafka;
    }

    /** Connections outside any pool, each its own session, to the database {@code options} name. */
    public static Supplier<Uni<SqlConnection>> dedicatedConnections(Vertx vertx, PgConnectOptions options) {
        return () -> PgConnection.connect(vertx, options).map(SqlConnection.class::cast);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Tells the relay that events were just appended, so it need not wait for its next poll. */
    public void wake() {
        wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            boolean failed = false;
            SqlConnection lead = null;
            try {
                lead = leadConnections.get().await().atMost(Duration.ofSeconds(10));
                lead.preparedQuery("SELECT set_config('application_name', $1, false)").execute(Tuple.of(name)).await().atMost(Duration.ofSeconds(10));
                while (running && !leader(lead)) {
                    pause(Duration.ofSeconds(1));
                }
                if (!running) {
                    return;
                }
                leading = true;
                ensureTopic();
                publishWhileLeader(lead, transactionalId(lead));
                backoff = Duration.ofMillis(100);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failed = true;
                lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warnf("%s: %s; retrying in %d ms", name, lastFailure, backoff.toMillis());
            } finally {
                leading = false;
                if (lead != null) {
                    // Ends the session, and with it the lead, before any back-off: another instance may take it now.
                    lead.close().subscribe().with(ignored -> {
                    }, ignored -> {
                    });
                }
            }
            if (failed) {
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
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

    private void publishWhileLeader(SqlConnection lead, String transactionalId) {
        RelayCheckpoint checkpoint = RelayCheckpoint.of(lead, name).await().atMost(Duration.ofSeconds(10));
        BatchPublisher publisher = BatchPublisher.open(kafka, topic, transactionalId);
        try {
            while (running) {
                List<Row> batch = nextBatch(lead, checkpoint);
                lastFailure = null;
                if (batch.isEmpty()) {
                    waitForWork();
                    continue;
                }
                publisher.publish(batch);
                checkpoint = RelayCheckpoint.after(batch.get(batch.size() - 1));
                checkpoint.saveFor(lead, name).await().atMost(Duration.ofSeconds(10));
            }
        } finally {
            publisher.close();
        }
    }

    private List<Row> nextBatch(SqlConnection lead, RelayCheckpoint checkpoint) {
        List<Row> rows = new ArrayList<>();
        PublicationHorizon.inOneSnapshot(lead, connection -> PublicationHorizon.read(connection)
                .chain(horizon -> connection.preparedQuery("""
                        SELECT position, stream_id, version, event_id, account_id, type, schema_version, data, metadata, tx_id::text AS tx_text
                        FROM events
                        WHERE (tx_id, position) > ($1::text::xid8, $2) AND tx_id < $3::text::xid8
                        ORDER BY tx_id, position
                        LIMIT $4""")
                        .execute(Tuple.of(checkpoint.txId(), checkpoint.position(), Long.toString(horizon.below()), batchSize))))
                .await().atMost(Duration.ofSeconds(30))
                .forEach(rows::add);
        return rows;
    }

    /**
     * How far behind publication is and why, read from the store (so a standby instance tells the same as the
     * leader): the committed events past the checkpoint, how long the oldest has been stored, the open transaction
     * that holds the relay back when one does, and this instance's last failure to publish.
     */
    public Uni<RelayStatus> status() {
        return RelayStatusQuery.read(pool, name, topic, () -> leading, () -> lastFailure);
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
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        wake.release();
        if (thread != null) {
            try {
                thread.join(2_000);
                // a send waiting for a Kafka that is down would keep the lead (and this call) for its whole delivery timeout
                thread.interrupt();
                thread.join(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
