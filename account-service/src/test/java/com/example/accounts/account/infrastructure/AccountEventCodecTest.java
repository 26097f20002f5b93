package com.example.accounts.account.infrastructure;

import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.kit.command.EventCodec;
import org.junit.jupiter.api.Test;

import static com.example.accounts.eventstore.BlankEvents.blank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema version an account event is written at is the catalog's, never one the code chose (EVT-2). */
class AccountEventCodecTest {

    @Test
    void EVT2_anEventIsWrittenAtTheVersionTheCatalogNamesCurrent() {
        EventSchemas atV2 = EventSchemas.load("/catalog-at-v2/");
        assertEquals(2, new EventCodec<>(AccountEvent.class, atV2).encode(blank(AccountEvent.UserAdded.class)).schemaVersion());
        assertThrows(MalformedEventException.class, () -> new EventCodec<>(AccountEvent.class, atV2).encode(blank(AccountEvent.AccountOpened.class)),
                "a type its catalog does not know is never written");
    }

    @Test
    void EVT2_everyAccountEventIsWrittenAtItsCurrentVersion() {
        for (Class<?> type : AccountEvent.class.getPermittedSubclasses()) {
            assertEquals(EventSchemas.INSTANCE.currentVersion(type.getSimpleName()),
                    AccountCommands.ACCOUNTS.codec().encode((AccountEvent) blank(type)).schemaVersion(), type.getSimpleName());
        }
    }
}
