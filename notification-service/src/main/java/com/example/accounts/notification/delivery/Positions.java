package com.example.accounts.notification.delivery;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where this service stands in each topic partition, kept in its database with what it read (not in Kafka's
 * consumer group): the next record to read, and the live position. The live position is the partition's end when
 * the service first read it: records before it are history and only teach the directory; records from it on send
 * email. A rebuild (an empty database, or positions reset to the beginning) so reads the history again and sends
 * nothing again.
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
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();

    public Positions(Pool pool) {
        this.pool = pool;
    }

    @Produces
    @Identifier(AccountEventsConsumer.CHANNEL)
    KafkaConsumerRebalanceListener accountEvents() {
        return listener(AccountEventsConsumer.CHANNEL);
    }

    @Produces
    @Identifier(InviteEmailsConsumer.CHANNEL)
    KafkaConsumerRebalanceListener inviteEmails() {
        return listener(InviteEmailsConsumer.CHANNEL);
    }

    /** Whether every channel reads partitions whose positions are known: what is published from now on is live. */
    public boolean ready() {
        return assigned.containsAll(Set.of(AccountEventsConsumer.CHANNEL, InviteEmailsConsumer.CHANNEL));
    }

    private KafkaConsumerRebalanceListener listener(String channel) {
        return new KafkaConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // ready once it reads some partition: an instance given none (more instances than partitions) stands by
                if (!partitions.isEmpty()) {
                    seek(consumer, partitions);
                    assigned.add(channel);
                }
            }
        };
    }

    /** Runs on the channel's polling thread, before it fetches: records the live positions first seen, then seeks. */
    private void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<Tuple> rows = new ArrayList<>();
        ends.forEach((partition, end) -> rows.add(Tuple.of(partition.topic(), partition.partition(), end)));
        pool.preparedQuery("INSERT INTO consumer_positions (topic, partition, next_offset, live_from) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING")
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
