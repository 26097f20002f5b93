package com.example.accounts.notification.delivery;

import com.example.accounts.eventstore.KafkaClients;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Where this service stands in each topic partition, kept in its database with what it read (not in Kafka's
 * consumer group): the next record to read, and the live position from which records may send email.
 * <p>
 * The live positions are fixed when the service is installed (its first start on a database): a partition's end
 * at that moment, and 0 for a partition or topic that does not exist yet (everything in it is new). Records before
 * the live position are history: they teach the directory and send nothing. So reading the topics again from the
 * beginning, or a rebuild on an empty database (a new installation), sends nothing again.
 */
@ApplicationScoped
public class Positions {

    /** A partition's position: the next offset to read, and the first offset that may send email. */
    public record Position(String topic, int partition, long nextOffset, long liveFrom) {
        boolean read(ConsumerRecord<?, ?> record) {
            return record.offset() < nextOffset;
        }

        boolean live(ConsumerRecord<?, ?> record) {
            return record.offset() >= liveFrom;
        }
    }

    private static final Logger LOG = Logger.getLogger(Positions.class);
    private static final Duration DB = Duration.ofSeconds(30);

    private final Pool pool;
    private final KafkaClients kafka;
    private final List<String> topics;
    private volatile boolean installed;

    // Reactive Messaging's own channel keys, as quarkus.datasource.* are Quarkus's: a mapping under mp.messaging.incoming
    // would have to name every key of both channels
    public Positions(Pool pool, KafkaClients kafka,
            @ConfigProperty(name = "mp.messaging.incoming." + AccountEventsConsumer.CHANNEL + ".topic") String accountEvents,
            @ConfigProperty(name = "mp.messaging.incoming." + InviteEmailsConsumer.CHANNEL + ".topic") String inviteEmails) {
        this.pool = pool;
        this.kafka = kafka;
        this.topics = List.of(accountEvents, inviteEmails);
    }

    @Produces
    @Identifier(AccountEventsConsumer.CHANNEL)
    KafkaConsumerRebalanceListener accountEvents() {
        return listener();
    }

    @Produces
    @Identifier(InviteEmailsConsumer.CHANNEL)
    KafkaConsumerRebalanceListener inviteEmails() {
        return listener();
    }

    void install(@Observes @Priority(30) StartupEvent event) {
        ensureInstalled();
    }

    /** Whether the live positions are fixed: what is published from now on is live, whenever it is read. */
    public boolean ready() {
        return installed;
    }

    /**
     * Fixes the live positions of the topics read for the first time on this database, once (instances agree: the
     * first to record a topic's installation wins, in the same statement as its positions).
     */
    synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        Map<TopicPartition, Long> ends = endOffsets();
        List<String> partitionTopics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> liveFrom = new ArrayList<>();
        ends.forEach((partition, end) -> {
            partitionTopics.add(partition.topic());
            partitions.add(partition.partition());
            liveFrom.add(end);
        });
        int fixed = pool.preparedQuery("""
                WITH first_read AS (
                    INSERT INTO installed_topics (topic) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING topic)
                INSERT INTO consumer_positions (topic, partition, next_offset, live_from)
                SELECT p.topic, p.partition, 0, p.live_from FROM unnest($2::text[], $3::int[], $4::bigint[]) AS p (topic, partition, live_from)
                WHERE p.topic IN (SELECT topic FROM first_read)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(topics.toArray(String[]::new), partitionTopics.toArray(String[]::new), partitions.toArray(Integer[]::new),
                        liveFrom.toArray(Long[]::new)))
                .await().atMost(DB).rowCount();
        if (fixed > 0) {
            LOG.infof("installed: the live positions of %d partitions are their ends now; what is before them sends no email", fixed);
        }
        installed = true;
    }

    /** The end of every partition of the topics that exist (read_committed: what a consumer can see). */
    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> present = topics.stream().filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(present).allTopicNames().get(15, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> asked.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(asked, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(15, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read where the topics end: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading where the topics end", e);
        }
    }

    private KafkaConsumerRebalanceListener listener() {
        return new KafkaConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    seek(consumer, partitions);
                }
            }
        };
    }

    /** Runs on the channel's polling thread, before it fetches: a partition not known at installation is new (live from 0). */
    private void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ensureInstalled();
        List<Tuple> rows = partitions.stream().map(partition -> Tuple.of(partition.topic(), partition.partition())).toList();
        pool.preparedQuery("INSERT INTO consumer_positions (topic, partition, next_offset, live_from) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING")
                .executeBatch(rows).await().atMost(DB);
        for (TopicPartition partition : partitions) {
            Position position = find(pool, partition.topic(), partition.partition()).await().atMost(DB).orElseThrow();
            consumer.seek(partition, position.nextOffset());
            LOG.debugf("%s: reading from %d, live from %d", partition, position.nextOffset(), position.liveFrom());
        }
    }
    /** The record's partition position, locked until the end of the transaction. */
    Uni<Position> lock(SqlClient c, ConsumerRecord<?, ?> record) {
        return c.preparedQuery("SELECT topic, partition, next_offset, live_from FROM consumer_positions WHERE topic = $1 AND partition = $2 FOR UPDATE")
                .execute(Tuple.of(record.topic(), record.partition()))
                .map(rows -> rows.size() == 0 ? Optional.<Position>empty() : Optional.of(position(rows.iterator().next())))
                .map(found -> found.orElseThrow(() -> new IllegalStateException(record.topic() + "/" + record.partition()
                        + " has no position: its assignment was not recorded")));
    }

    Uni<Void> advance(SqlClient c, ConsumerRecord<?, ?> record) {
        return c.preparedQuery("UPDATE consumer_positions SET next_offset = greatest(next_offset, $3) WHERE topic = $1 AND partition = $2")
                .execute(Tuple.of(record.topic(), record.partition(), record.offset() + 1)).replaceWithVoid();
    }

    /** Every partition's position, for the operators. */
    public Uni<List<Position>> all() {
        return pool.query("SELECT topic, partition, next_offset, live_from FROM consumer_positions ORDER BY topic, partition").execute()
                .map(rows -> {
                    List<Position> positions = new ArrayList<>();
                    rows.forEach(row -> positions.add(position(row)));
                    return positions;
                });
    }

    private static Uni<Optional<Position>> find(SqlClient c, String topic, int partition) {
        return c.preparedQuery("SELECT topic, partition, next_offset, live_from FROM consumer_positions WHERE topic = $1 AND partition = $2")
                .execute(Tuple.of(topic, partition))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(position(rows.iterator().next())));
    }

    private static Position position(Row row) {
        return new Position(row.getString(0), row.getInteger(1), row.getLong(2), row.getLong(3));
    }
}
