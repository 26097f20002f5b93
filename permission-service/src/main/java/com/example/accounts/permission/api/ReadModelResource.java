package com.example.accounts.permission.api;

import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.permission.projection.Generations;
import com.example.accounts.permission.projection.ProjectionLeader;
import com.example.accounts.permission.projection.Projector;
import com.example.accounts.permission.projection.ReadModel;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How far the read model is: per partition, the offset applied and the lag behind the topic's end; the dead
 * letters; the generations and a rebuild (PRM-5). For platform operators; an account's members see their
 * account's positions and whether it is stale at {@code /accounts/{id}/read-model}.
 */
@Path("/read-model")
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    public record PartitionStatus(String topic, int partition, int generation, String state, long applied, Long end, Long lag) {
    }

    /** {@code projectedHere}: what this instance's projector did for the generation, when this instance leads. */
    public record GenerationStatus(int generation, String state, String schema, Projector.Stats projectedHere) {
    }

    /**
     * {@code diverged}: the dead letters of events that came at a (stream, version) the live generation had applied
     * with another event (EVT-1); their accounts are stale until a rebuild from topics that agree with the store.
     */
    public record Status(boolean leaderHere, int liveGeneration, List<GenerationStatus> generations, List<PartitionStatus> partitions,
            long deadLetters, List<Map<String, Object>> latestDeadLetters, long diverged, List<Map<String, Object>> latestDiverged) {
    }

    private final Generations generations;
    private final ProjectionLeader leader;
    private final Admin admin;

    public ReadModelResource(Generations generations, ProjectionLeader leader,
            KafkaClients kafka) {
        this.generations = generations;
        this.leader = leader;
        this.admin = kafka.admin();
    }

    @PreDestroy
    void close() {
        admin.close();
    }

    @GET
    @Path("/status")
    @RolesAllowed("platform-operator")
    @Operation(operationId = "getReadModelStatus",
            summary = "Projection status: per generation and partition the offset applied, the topic's end and the lag; dead letters, "
                    + "and those of events that diverged from one applied at their stream version (EVT-1)")
    @APIResponse(responseCode = "200", description = "the status")
    @APIResponse(responseCode = "403", description = "only platform operators")
    public Status status() {
        Map<Integer, Projector.Stats> projectedHere = leader.stats();
        Map<TopicPartition, Long> ends = endOffsets();
        List<GenerationStatus> all = new ArrayList<>();
        List<PartitionStatus> partitions = new ArrayList<>();
        for (Generations.Generation g : generations.all()) {
            all.add(new GenerationStatus(g.number(), g.state().name(), g.model().schema(), projectedHere.get(g.number())));
            if (g.state() == Generations.State.RETIRED) {
                continue;
            }
            Map<String, Map<Integer, Long>> applied = g.model().inspection().nextOffsets();
            for (TopicPartition tp : ends.keySet()) {
                long next = applied.getOrDefault(tp.topic(), Map.of()).getOrDefault(tp.partition(), 0L);
                Long end = ends.get(tp);
                partitions.add(new PartitionStatus(tp.topic(), tp.partition(), g.number(), g.state().name(), next, end,
                        end == null ? null : Math.max(0, end - next)));
            }
        }
        partitions.sort(Comparator.comparing(PartitionStatus::generation).thenComparing(PartitionStatus::topic).thenComparing(PartitionStatus::partition));
        ReadModel live = generations.live();
        return new Status(leader.leading(), Integer.parseInt(live.schema().substring(3)), all, partitions, live.inspection().deadLetterCount(),
                live.inspection().deadLetters(20), live.inspection().divergedCount(), live.inspection().diverged(20));
    }

    @POST
    @Path("/rebuilds")
    @RolesAllowed("platform-operator")
    @Operation(operationId = "rebuildReadModel",
            summary = "Rebuild the read model from the beginning of the topics beside the live one; it takes over once caught up (PRM-5)")
    @APIResponse(responseCode = "202", description = "the rebuild started; follow it in the status")
    @APIResponse(responseCode = "403", description = "only platform operators")
    @APIResponse(responseCode = "409", description = "a rebuild is already running")
    public Response rebuild() {
        Generations.Generation started = generations.startRebuild();
        return Response.accepted(Map.of("generation", started.number(), "state", started.state().name())).build();
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
            var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (var topic : admin.describeTopics(Topics.ALL.stream().filter(names::contains).toList()).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> asked.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(asked, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the topics' end offsets: " + e.getMessage(), e);
        }
    }
}
