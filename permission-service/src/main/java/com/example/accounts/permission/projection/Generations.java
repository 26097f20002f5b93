package com.example.accounts.permission.projection;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generations of the read model (PRM-5): exactly one is LIVE and answers the checks; a rebuild fills a BUILDING
 * one from the beginning of the topics beside it, and takes over when it has caught up with the live one. The
 * previous generation is then RETIRED, kept until the next rebuild so the two can be compared.
 */
@ApplicationScoped
public class Generations {

    public enum State {
        LIVE,
        BUILDING,
        RETIRED
    }

    public record Generation(int number, State state, ReadModel model) {
    }

    private static final Logger LOG = Logger.getLogger(Generations.class);
    private static final Duration DB = Duration.ofSeconds(30);

    private final Pool pool;
    private volatile ReadModel live;

    public Generations(Pool pool) {
        this.pool = pool;
    }

    /**
     * The table of generations, with generation 1 live on a new database, is the service's Flyway migration's; each
     * generation's schema is rebuilt, so the live one creates its tables itself.
     */
    void start(@Observes @Priority(10) StartupEvent event) {
        refresh();
        live.tables().create();
    }

    /** The generation that answers checks. */
    public ReadModel live() {
        return live;
    }

    /** Re-reads which generation is live; after a takeover every instance does (told by a notification). */
    public void refresh() {
        live = all().stream().filter(g -> g.state() == State.LIVE).findFirst().orElseThrow().model();
    }

    public List<Generation> all() {
        List<Generation> generations = new ArrayList<>();
        for (Row row : pool.query("SELECT generation, state FROM read_model_generations ORDER BY generation").execute().await().atMost(DB)) {
            generations.add(new Generation(row.getInteger(0), State.valueOf(row.getString(1)), new ReadModel(pool, row.getInteger(0))));
        }
        return generations;
    }

    public Optional<Generation> building() {
        return all().stream().filter(g -> g.state() == State.BUILDING).findFirst();
    }

    /**
     * Starts a rebuild: a fresh generation that the projection leader fills from the beginning of the topics. The
     * retired generations are dropped first; one rebuild at a time.
     */
    public Generation startRebuild() {
        Optional<Generation> running = building();
        if (running.isPresent()) {
            throw new ProblemException(409, RuleId.PRM_5, "A rebuild is running", "generation " + running.get().number()
                    + " is being rebuilt; wait until it takes over", null);
        }
        for (Generation retired : all()) {
            if (retired.state() == State.RETIRED) {
                retired.model().tables().drop();
                pool.preparedQuery("DELETE FROM read_model_generations WHERE generation = $1").execute(Tuple.of(retired.number())).await().atMost(DB);
            }
        }
        int number = pool.query("""
                INSERT INTO read_model_generations (generation, state)
                SELECT max(generation) + 1, 'BUILDING' FROM read_model_generations RETURNING generation""")
                .execute().await().atMost(DB).iterator().next().getInteger(0);
        ReadModel model = new ReadModel(pool, number);
        model.tables().create();
        model.tables().inheritSuperseded(live.tables());
        LOG.infof("rebuild: generation %d created; the projection leader fills it from the beginning of the topics", number);
        return new Generation(number, State.BUILDING, model);
    }

    /** The rebuilt generation becomes the live one, in one transaction; every instance is told to switch. */
    void takeOver(int number) {
        pool.withTransaction(c -> c.query("UPDATE read_model_generations SET state = 'RETIRED' WHERE state = 'LIVE'").execute()
                .chain(() -> c.preparedQuery("UPDATE read_model_generations SET state = 'LIVE', live_since = now() WHERE generation = $1")
                        .execute(Tuple.of(number)))
                .chain(() -> c.preparedQuery("SELECT pg_notify($1, 'generation')").execute(Tuple.of(ReadModel.NOTIFY_CHANNEL))))
                .await().atMost(DB);
        refresh();
        LOG.infof("rebuild: generation %d caught up and took over", number);
    }
}
