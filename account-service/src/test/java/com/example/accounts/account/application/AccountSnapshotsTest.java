package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.infrastructure.AccountEventCodec;
import com.example.accounts.account.infrastructure.AccountSnapshots;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.NewEvent;
import com.example.accounts.launcher.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account of 10,000 members: its commands read a snapshot and the events after it, never the whole stream. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class AccountSnapshotsTest {

    @Inject
    AccountCommands commands;

    @Inject
    EventStore store;

    @Test
    void addingThe10000thMemberReadsASnapshotAndTheEventsAfterItAndAgreesWithAFullReplay() {
        UUID accountId = UUID.randomUUID();
        Instant now = Instant.now();
        EventMetadata metadata = new EventMetadata("system", "snapshot-test", "snapshot-test", now);
        commands.edit(accountId, state -> new OpenAccount(accountId, "Big", new Plan(List.of(Module.REMOTE_SUPPORT),
                List.of(new SeatCount(Module.REMOTE_SUPPORT, 10))), UUID.randomUUID(), "big-admin", "Admin", "admin@big.test", now), metadata, null)
                .await().indefinitely();
        // 9,998 more members appended straight to the store, as years of commands would have: no snapshot yet.
        long version = 2;
        for (int batch = 0; batch < 9_998; batch += 1_000) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = batch; i < Math.min(batch + 1_000, 9_998); i++) {
                events.add(AccountEventCodec.encode(new UserAdded(UUID.randomUUID(), "login-" + i, "Member " + i, "m" + i + "@big.test",
                        Role.STANDARD, CompanyAccess.NONE, List.of(), false, null)));
            }
            store.append(AccountCommands.streamOf(accountId), accountId, version, events, metadata).await().indefinitely();
            version += events.size();
        }
        assertEquals(10_000, commands.load(accountId).await().indefinitely().replayed(), "the first read replays the stream and snapshots it");

        UUID last = UUID.randomUUID();
        commands.edit(accountId, state -> new AddMember("big-admin", last, "login-last", false, "The 10,000th", "last@big.test",
                Role.STANDARD, null, null, null, now), metadata, null).await().indefinitely();

        Loaded loaded = commands.load(accountId).await().indefinitely();
        assertTrue(loaded.replayed() <= AccountSnapshots.EVERY, "replayed " + loaded.replayed() + " events after the snapshot");
        assertEquals(10_000, loaded.account().members().size());
        List<AccountEvent> all = store.readStream(AccountCommands.streamOf(accountId), 0).await().indefinitely().stream()
                .map(AccountEventCodec::decode).toList();
        Account replayed = Account.evolveAll(Account.INITIAL, all);
        assertEquals(replayed, loaded.account(), "the snapshot and the events after it give the state a full replay gives");
    }
}
