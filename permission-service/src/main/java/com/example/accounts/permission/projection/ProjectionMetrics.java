package com.example.accounts.permission.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@value #LAG} (gauge, tags {@code topic} and {@code partition}, so one per partition of the event topics): how many
 * records the live generation's projector has still to apply, as its consumer last saw the partition's end. It reads
 * NaN on an instance that does not lead the projection (it applies nothing; the leader's figure is the one to read)
 * and before the projector's first poll of the partition.
 */
@ApplicationScoped
public class ProjectionMetrics {

    public static final String LAG = "platform.projection.lag";

    private final MeterRegistry meters;
    private final Set<TopicPartition> registered = ConcurrentHashMap.newKeySet();
    private volatile Projector live;

    public ProjectionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The projector of the live generation now (null: none here), with a gauge for each partition it has seen. */
    void live(Projector projector) {
        live = projector;
        if (projector != null) {
            projector.lag().keySet().forEach(this::register);
        }
    }

    private void register(TopicPartition partition) {
        if (registered.add(partition)) {
            Gauge.builder(LAG, this, metrics -> metrics.lagOf(partition))
                    .description("records of the partition the live read model has not applied yet (NaN where this instance does not project)")
                    .tag("topic", partition.topic()).tag("partition", Integer.toString(partition.partition()))
                    .register(meters);
        }
    }

    private double lagOf(TopicPartition partition) {
        Projector projector = live;
        Long lag = projector == null ? null : projector.lag().get(partition);
        return lag == null ? Double.NaN : lag;
    }
}
