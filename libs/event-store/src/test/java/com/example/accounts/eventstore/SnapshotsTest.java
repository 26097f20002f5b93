package com.example.accounts.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A snapshot reads back as the state it was taken of, a state that is a sealed type of phases included. */
class SnapshotsTest {

    /** A state of two phases, as a domain writes one: plain records, no annotations. */
    sealed interface Light permits Light.Off, Light.On {
        record Off() implements Light {
        }

        record On(int brightness, UUID switchedBy) implements Light {
        }
    }

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void EVT1_aSnapshotOfASealedStateIsReadBackAsThePhaseItWasTakenIn() {
        fixture.pool.query("""
                CREATE TABLE light_snapshots (stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
                    taken_at timestamptz NOT NULL DEFAULT now(), fold text NOT NULL DEFAULT '', account_id uuid)""").execute().await().indefinitely();
        Snapshots<Light> snapshots = new Snapshots<>(fixture.pool, "light_snapshots", Light.class, "light fold");
        Light.On on = new Light.On(7, UUID.randomUUID());
        snapshots.save("light-1", new Snapshots.Snapshot<>(on, 3, 30, null)).await().indefinitely();
        snapshots.save("light-2", new Snapshots.Snapshot<>(new Light.Off(), 1, 10, null)).await().indefinitely();

        Optional<Snapshots.Snapshot<Light>> first = snapshots.find("light-1").await().indefinitely();
        assertEquals(Optional.of(on), first.map(Snapshots.Snapshot::state), "read back as the phase it was taken in");
        assertEquals(3, first.get().version());
        assertEquals(Optional.of(new Light.Off()), snapshots.find("light-2").await().indefinitely().map(Snapshots.Snapshot::state));

        // a phase this build does not have is no snapshot: the stream is folded again from its events
        fixture.pool.query("UPDATE light_snapshots SET state = jsonb_set(state, '{phase}', '\"Dimmed\"') WHERE stream_id = 'light-1'").execute()
                .await().indefinitely();
        assertEquals(Optional.empty(), snapshots.find("light-1").await().indefinitely());
    }
}
