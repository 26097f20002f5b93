package com.example.accounts.notification.delivery;

import com.example.accounts.notification.domain.Email;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Takes one record in one transaction: its partition's position (a record read before is skipped), the directory
 * it teaches, the emails it causes when it is live, and the next position. A record that cannot be read goes to the
 * dead-letter topic; a database that cannot be reached is waited for, backing off, so nothing is skipped.
 */
@ApplicationScoped
public class Intake {

    /** What a readable record does: teaches the directory and, when live, says which emails to send. */
    @FunctionalInterface
    interface Work {
        Uni<List<Email>> apply(SqlClient c, boolean live);
    }

    private static final Logger LOG = Logger.getLogger(Intake.class);

    private final Pool pool;
    private final Positions positions;
    private final Deliveries deliveries;
    private final DeadLetters deadLetters;
    private final AppliedEvents applied;
    private final Sender sender;

    public Intake(Pool pool, Positions positions, Deliveries deliveries, DeadLetters deadLetters, AppliedEvents applied, Sender sender) {
        this.pool = pool;
        this.positions = positions;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.applied = applied;
        this.sender = sender;
    }

    /** {@code reader} turns the record's value into its work, or fails with {@link Unprocessable}. */
    Uni<Void> take(ConsumerRecord<String, String> record, Function<String, Work> reader) {
        return Uni.createFrom().item(() -> reader.apply(record.value()))
                .chain(work -> pool.withTransaction(c -> positions.lock(c, record).chain(position -> position.read(record)
                        ? Uni.createFrom().item(false)
                        : work.apply(c, position.live(record))
                                .chain(emails -> queue(c, emails).replaceWith(!emails.isEmpty()))
                                .call(() -> positions.advance(c, record)))))
                .invoke(queued -> {
                    if (queued) {
                        sender.wake();
                    }
                })
                .replaceWithVoid()
                .onFailure(Unprocessable.class).recoverWithUni(failure -> {
                    Unprocessable unprocessable = (Unprocessable) failure;
                    return deadLetters.publish(record, unprocessable.getMessage())
                            .chain(() -> pool.withTransaction(c -> (unprocessable.diverged() == null
                                    ? Uni.createFrom().voidItem()
                                    : applied.flag(c, record, unprocessable.diverged(), unprocessable.getMessage()))
                                    .chain(() -> positions.advance(c, record))));
                })
                .onFailure().invoke(failure -> LOG.warnf("%s[%d]@%d not taken yet, trying again: %s", record.topic(), record.partition(),
                        record.offset(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private Uni<Void> queue(SqlClient c, List<Email> emails) {
        Uni<Void> queued = Uni.createFrom().voidItem();
        for (Email email : emails) {
            queued = queued.chain(() -> deliveries.queue(c, email));
        }
        return queued;
    }
}
