package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.session.queue.domain.QueueEvent;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.training.domain.TrainingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.accounts.eventstore.BlankEvents.blank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema version a session event is written at is the catalog's, never one the code chose (EVT-2). */
class EventCodecTest {

    @Test
    void EVT2_anEventIsWrittenAtTheVersionTheCatalogNamesCurrent() {
        EventSchemas catalog = EventSchemas.load("/catalog-at-v2/");
        assertEquals(2, new EventCodec<>(SupportEvent.class, catalog).encode(blank(SupportEvent.SupportSessionStarted.class)).schemaVersion());
        assertEquals(3, new EventCodec<>(TrainingEvent.class, catalog).encode(blank(TrainingEvent.TrainingSessionScheduled.class)).schemaVersion());
        assertEquals(2, new EventCodec<>(QueueEvent.class, catalog).encode(blank(QueueEvent.AgentLoggedIntoQueue.class)).schemaVersion());
        assertThrows(MalformedEventException.class,
                () -> new EventCodec<>(SupportEvent.class, catalog).encode(blank(SupportEvent.CustomerJoined.class)),
                "a type its catalog does not know is never written");
    }

    @Test
    void EVT2_everySessionEventIsWrittenAtItsCurrentVersion() {
        for (Class<?> sealed : List.of(SupportEvent.class, TrainingEvent.class, QueueEvent.class)) {
            assertEveryTypeAtItsCurrentVersion(sealed);
        }
    }

    private static <E> void assertEveryTypeAtItsCurrentVersion(Class<E> sealed) {
        EventCodec<E> codec = new EventCodec<>(sealed);
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            assertEquals(EventSchemas.INSTANCE.currentVersion(type.getSimpleName()),
                    codec.encode(sealed.cast(blank(type))).schemaVersion(), type.getSimpleName());
        }
    }
}
