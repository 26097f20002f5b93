package com.example.accounts.permission.projection;

import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.kit.Traces;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the event topics into one generation of the read model, on its own thread: every partition of
 * {@code account-events} and {@code session-events}, from the offsets the generation has stored with its rows (so
 * a crash never loses or repeats an applied poll), one poll per transaction. Each account's events travel in one
 * partition, so they are applied in the account's order (PRM-1). Topics that do not exist yet are picked up when
 * they appear.
 */
public final class Projector implements Runnable {

    private static final Logger LOG = Logger.getLogger(Projector.class);
    private static final Duration TOPIC_REFRESH = Duration.ofSeconds(2);

    private final ReadModel model;
    private final ReadModelWriter.DeadLetterSink deadLetters;
    private final KafkaConsumer<String, String> consumer;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong applyNanos = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile String retrying;
    private volatile boolean running = true;
    private Set<TopicPartition> assigned = Set.of();
    private final Map<TopicPartition, Long> stored = new HashMap<>();
    /** per partition, the records in Kafka this projector has not applied yet, as of its last poll (for the meters) */
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private long topicsCheckedAt;
    private final Tracer tracer = Traces.tracer("permission-projector");

    Projector(ReadModel model, KafkaClients kafka, ReadModelWriter.DeadLetterSink deadLetters) {
        this.model = model;
        this.deadLetters = deadLetters;
        this.consumer = kafka.consumer(Map.ofEntries(
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, "permission-projector-" + model.schema()),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                // the relay publishes in Kafka transactions: only committed batches, in each account's order (EVT-3)
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                Map.entry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000)));
    }

    ReadModel model() {
        return model;
    }

    /**
     * What this projector did since it started: events applied, transactions, the time spent in them, polls tried
     * again after a failure of the database, and the failure it is waiting out now (null when it is not).
     */
    public record Stats(long applied, long batches, long applyMillis, long retries, String retrying) {
    }

    Stats stats() {
        return new Stats(applied.get(), batches.get(), applyNanos.get() / 1_000_000, retries.get(), retrying);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        int failures = 0;
        boolean resume = false;
        try {
            while (running) {
                try {
                    if (resume) {
                        // the poll was not stored: start again from what the generation has stored (applied in the
                        // same transaction as its rows, so nothing is applied twice nor skipped)
                        stored.clear();
                        seekToStored(assigned);
                        resume = false;
                    }
                    assignNewPartitions();
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    Map<String, Map<Integer, Long>> moved = moved();
                    if (records.isEmpty() && moved.isEmpty()) {
                        measureLag();
                        continue;
                    }
                    List<ReadModelWriter.Delivered> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, String> record : records) {
                        batch.add(new ReadModelWriter.Delivered(record.topic(), record.partition(), record.offset(), record.key(), record.value()));
                    }
                    long started = System.nanoTime();
                    // each record's span joins the trace of the command that appended its event (the relay's traceparent header)
                    ReadModelWriter.Applied result = Traces.within(tracer, "project", records, () -> model.writer().apply(batch, moved, deadLetters));
                    applyNanos.addAndGet(System.nanoTime() - started);
                    batches.incrementAndGet();
                    moved.forEach((topic, partitions) -> partitions.forEach((partition, next) -> stored.put(new TopicPartition(topic, partition), next)));
                    applied.addAndGet(result.applied());
                    measureLag();
                    if (failures > 0) {
                        LOG.infof("%s: applying again after %d failures", model.schema(), failures);
                    }
                    failures = 0;
                    retrying = null;
                } catch (WakeupException e) {
                    // stop() was called
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    // the database failed, not the events (those are dead letters): wait it out, backing off, and try again
                    failures++;
                    retries.incrementAndGet();
                    Duration wait = backOff(failures);
                    retrying = e.getClass().getSimpleName() + ": " + e.getMessage();
                    resume = true;
                    LOG.warnf(e, "%s: applying failed (%d in a row); trying the poll again in %d ms", model.schema(), failures, wait.toMillis());
                    sleep(wait);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Per partition, how many records past the last applied one Kafka holds, as of the last poll. */
    Map<TopicPartition, Long> lag() {
        return lag;
    }

    /** From the consumer's own fetch state (no request to Kafka): the end offset it last saw less its position. */
    private void measureLag() {
        for (TopicPartition partition : assigned) {
            consumer.currentLag(partition).ifPresent(records -> lag.put(partition, records));
        }
    }

    /** The partitions whose position moved since it was last stored (records, or a transaction marker skipped). */
    private Map<String, Map<Integer, Long>> moved() {
        Map<String, Map<Integer, Long>> moved = new HashMap<>();
        for (TopicPartition partition : assigned) {
            long position = consumer.position(partition);
            Long known = stored.get(partition);
            if (known == null || known != position) {
                moved.computeIfAbsent(partition.topic(), t -> new HashMap<>()).put(partition.partition(), position);
            }
        }
        return moved;
    }

    private void assignNewPartitions() {
        long now = System.nanoTime();
        if (now - topicsCheckedAt < TOPIC_REFRESH.toNanos()) {
            return;
        }
        topicsCheckedAt = now;
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(5));
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : Topics.ALL) {
            topics.getOrDefault(topic, List.of()).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        if (partitions.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(partitions);
        added.removeAll(assigned);
        consumer.assign(partitions);
        Set<TopicPartition> before = assigned;
        assigned = Set.copyOf(partitions);
        seekToStored(before.isEmpty() ? assigned : added);
        LOG.infof("%s: projecting %d partitions of %s", model.schema(), assigned.size(), Topics.ALL);
    }

    private void seekToStored(Set<TopicPartition> partitions) {
        Map<String, Map<Integer, Long>> stored = model.inspection().nextOffsets();
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = stored.getOrDefault(partition.topic(), Map.of()).get(partition.partition());
            if (next == null) {
                fromStart.add(partition);
            } else {
                consumer.seek(partition, next);
                this.stored.put(partition, next);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
    }

    /** 100 ms, doubling up to 5 s. */
    static Duration backOff(int failures) {
        return Duration.ofMillis(Math.min(5000, 100L << Math.min(failures - 1, 6)));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
