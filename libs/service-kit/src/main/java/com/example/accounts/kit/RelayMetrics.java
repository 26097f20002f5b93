package com.example.accounts.kit;

import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.eventstore.RelayStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * EVT-3 as gauges: the relay's {@link OutboxRelay#status()} (the one query readiness reads too, bounded by
 * {@link RelayStatus#COUNTED}) taken every {@code platform.event-store.relay.metrics-every}, since a gauge is read
 * synchronously at a scrape and the status is a query. While no status could be read (the database down) the gauges
 * read NaN rather than a stale figure. Tagged by topic only.
 *
 * <ul>
 *   <li>{@value #UNPUBLISHED}: events committed and not yet published;</li>
 *   <li>{@value #OLDEST}: how long the oldest of them has been stored (0 when none);</li>
 *   <li>{@value #LEADING}: 1 while this instance's relay holds the lead and publishes, else 0.</li>
 * </ul>
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.event-store.enabled", stringValue = "true")
public class RelayMetrics {

    public static final String UNPUBLISHED = "platform.relay.unpublished";
    public static final String OLDEST = "platform.relay.oldest.unpublished";
    public static final String LEADING = "platform.relay.leading";

    private static final Logger LOG = Logger.getLogger(RelayMetrics.class);

    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final Vertx vertx;
    private final Duration every;
    private final String topic;
    private final AtomicReference<RelayStatus> last = new AtomicReference<>();
    private long timer = -1;

    public RelayMetrics(OutboxRelay relay, MeterRegistry meters, Vertx vertx, KitConfig.EventStore config) {
        Duration every = config.relay().metricsEvery();
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("platform.event-store.relay.metrics-every must be positive, not " + every);
        }
        this.relay = relay;
        this.meters = meters;
        this.vertx = vertx;
        this.every = every;
        this.topic = config.topic().orElseThrow(() -> new IllegalStateException("platform.event-store.topic names no topic to publish to"));
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder(UNPUBLISHED, last, held -> held.get() == null ? Double.NaN : held.get().unpublished())
                .description("events committed and not yet published to Kafka (counted up to " + RelayStatus.COUNTED + ")")
                .tag("topic", topic).register(meters);
        TimeGauge.builder(OLDEST, last, TimeUnit.MILLISECONDS,
                held -> held.get() == null ? Double.NaN : held.get().oldestUnpublished().toMillis())
                .description("how long the oldest committed and unpublished event has been stored")
                .tag("topic", topic).register(meters);
        Gauge.builder(LEADING, last, held -> held.get() == null ? Double.NaN : held.get().leading() ? 1 : 0)
                .description("1 while this instance's relay holds the lead and publishes")
                .tag("topic", topic).register(meters);
        refresh();
        timer = vertx.setPeriodic(every.toMillis(), ignored -> refresh());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        relay.status().subscribe().with(last::set, failure -> {
            last.set(null);
            LOG.debugf("the relay's status cannot be read for its gauges: %s", failure.getMessage());
        });
    }
}
