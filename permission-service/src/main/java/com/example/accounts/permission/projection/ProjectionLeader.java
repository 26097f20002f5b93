package com.example.accounts.permission.projection;

import com.example.accounts.eventstore.DeadLetterTopic;
import com.example.accounts.eventstore.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the projectors on exactly one instance of the service: the one holding a PostgreSQL advisory lock (the
 * other instances answer checks from the same database). It projects into the live generation and, during a
 * rebuild, into the building one too, and hands over to the rebuilt generation once it has caught up (PRM-5).
 * Events that cannot be applied are published to {@value #DEAD_LETTER_TOPIC} with their source and reason.
 */
@ApplicationScoped
public class ProjectionLeader implements ReadModelWriter.DeadLetterSink {

    public static final String DEAD_LETTER_TOPIC = "permission-service.dead-letters";
    private static final Logger LOG = Logger.getLogger(ProjectionLeader.class);

    private final Pool pool;
    private final Generations generations;
    private final KafkaClients kafka;
    private final Map<Integer, Projector> projectors = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean leading;
    private final DeadLetterTopic deadLetters;
    private final ProjectionMetrics metrics;
    private Thread thread;

    public ProjectionLeader(Pool pool, Generations generations, KafkaClients kafka, MeterRegistry meters, ProjectionMetrics metrics) {
        this.pool = pool;
        this.generations = generations;
        this.kafka = kafka;
        this.deadLetters = new DeadLetterTopic(kafka, DEAD_LETTER_TOPIC, meters);
        this.metrics = metrics;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        thread = Thread.ofPlatform().name("projection-leader").daemon().start(this::lead);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        stopProjectors();
    }

    public boolean leading() {
        return leading;
    }

    /** The projector of the live generation, while this instance leads and runs one; else null. */
    synchronized Projector liveProjector() {
        return leading ? projectors.get(Integer.parseInt(generations.live().schema().substring("rm_".length()))) : null;
    }

    /** What this instance's projectors did since it started leading, per generation. */
    public synchronized Map<Integer, Projector.Stats> stats() {
        Map<Integer, Projector.Stats> stats = new HashMap<>();
        projectors.forEach((generation, projector) -> stats.put(generation, projector.stats()));
        return stats;
    }

    private void lead() {
        while (running) {
            SqlConnection lock = null;
            try {
                lock = pool.getConnection().await().atMost(Duration.ofSeconds(10));
                // the advisory lock belongs to this connection's session: holding the connection is holding the lead
                boolean got = lock.query("SELECT pg_try_advisory_lock(hashtext('permission-projector'))").execute()
                        .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
                if (got) {
                    leading = true;
                    LOG.info("this instance leads the projection");
                    ensureDeadLetterTopic();
                    while (running) {
                        try {
                            supervise();
                        } catch (RuntimeException e) {
                            // a pooled query failed (a hiccup of the database): the lead is this connection's, and holds
                            LOG.warnf("projection leader: cannot look at the generations now (%s); trying again", e.getMessage());
                        }
                        Thread.sleep(250);
                        lock.query("SELECT 1").execute().await().atMost(Duration.ofSeconds(10));
                    }
                } else {
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "projection leader: lost the database or the lead; retrying");
                }
            } finally {
                leading = false;
                stopProjectors();
                if (lock != null) {
                    lock.close().subscribe().with(ignored -> {
                    }, ignored -> {
                    });
                }
            }
            pause();
        }
    }

    /** Keeps one projector per live or building generation; a building one that caught up takes over. */
    private synchronized void supervise() {
        List<Generations.Generation> all = generations.all();
        for (Generations.Generation generation : all) {
            if (generation.state() != Generations.State.RETIRED && !projectors.containsKey(generation.number())) {
                Projector projector = new Projector(generation.model(), kafka, this);
                Thread.ofPlatform().name("projector-" + generation.model().schema()).daemon().start(projector);
                projectors.put(generation.number(), projector);
            }
        }
        for (Generations.Generation generation : all) {
            Projector projector = projectors.get(generation.number());
            if (generation.state() == Generations.State.RETIRED && projector != null) {
                projector.stop();
                projectors.remove(generation.number());
            }
        }
        var live = all.stream().filter(g -> g.state() == Generations.State.LIVE).findFirst().orElseThrow();
        all.stream().filter(g -> g.state() == Generations.State.BUILDING).findFirst()
                .filter(building -> caughtUp(building.model(), live.model()))
                .ifPresent(building -> {
                    generations.takeOver(building.number());
                    Projector old = projectors.remove(live.number());
                    if (old != null) {
                        old.stop();
                    }
                });
        metrics.live(projectors.get(live.number()));
    }

    /** Caught up: the rebuilt generation has applied, in every partition, at least as far as the live one. */
    private static boolean caughtUp(ReadModel building, ReadModel live) {
        Map<String, Map<Integer, Long>> rebuilt = building.inspection().nextOffsets();
        for (var topic : live.inspection().nextOffsets().entrySet()) {
            for (var partition : topic.getValue().entrySet()) {
                if (rebuilt.getOrDefault(topic.getKey(), Map.of()).getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private synchronized void stopProjectors() {
        metrics.live(null);
        projectors.values().forEach(Projector::stop);
        projectors.clear();
    }

    private void ensureDeadLetterTopic() {
        deadLetters.ensure();
    }

    /** Publishes the record as it came, with where it came from and why it could not be applied; waits for Kafka. */
    @Override
    public void publish(ReadModelWriter.Delivered record, String reason) {
        deadLetters.publish(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
