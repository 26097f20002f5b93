package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.NewEvent;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.command.CommandPipeline;
import com.example.accounts.kit.command.Loaded;
import com.example.accounts.launcher.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account of 10,000 members: its commands read a snapshot and the events after it, never the whole stream. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class AccountSnapshotsTest {

    @Inject
    AccountCommands commands;

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Test
    void addingThe10000thMemberReadsASnapshotAndTheEventsAfterItAndAgreesWithAFullReplay() {
        UUID accountId = UUID.randomUUID();
        Instant now = Instant.now();
        EventMetadata metadata = new EventMetadata("system", "snapshot-test", "snapshot-test", now);
        commands.open(accountId, new OpenAccount(accountId, "Big", new Plan(List.of(Module.REMOTE_SUPPORT),
                List.of(new SeatCount(Module.REMOTE_SUPPORT, 10))), UUID.randomUUID(), "big-admin", "Admin", "admin@big.test", now), metadata, Optional.empty(),
                result -> null)
                .await().indefinitely();
        // 9,998 more members appended straight to the store, as years of commands would have: no snapshot yet.
        long version = 2;
        for (int batch = 0; batch < 9_998; batch += 1_000) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = batch; i < Math.min(batch + 1_000, 9_998); i++) {
                events.add(AccountCommands.ACCOUNTS.codec().encode(new UserAdded(UUID.randomUUID(), "login-" + i, "Member " + i, "m" + i + "@big.test",
                        Role.STANDARD, CompanyAccess.NONE, List.of(), false, null)));
            }
            store.append(AccountCommands.streamOf(accountId), accountId, version, events, metadata).await().indefinitely();
            version += events.size();
        }
        assertEquals(10_000, commands.load(accountId).await().indefinitely().replayed(), "the first read replays the stream and snapshots it");

        UUID last = UUID.randomUUID();
        commands.edit(accountId, "big-admin", state -> new AddMember("big-admin", last, "login-last", false, "The 10,000th", "last@big.test",
                Role.STANDARD, null, null, null, now), metadata, null).await().indefinitely();

        Loaded<Account> loaded = commands.load(accountId).await().indefinitely();
        assertTrue(loaded.replayed() <= CommandPipeline.SNAPSHOT_EVERY, "replayed " + loaded.replayed() + " events after the snapshot");
        assertEquals(10_000, loaded.state().members().size());
        List<AccountEvent> all = store.readStream(AccountCommands.streamOf(accountId), 0).await().indefinitely().stream()
                .map(AccountCommands.ACCOUNTS.codec()::decode).toList();
        Account replayed = Account.evolveAll(Account.INITIAL, all);
        assertEquals(replayed, loaded.state(), "the snapshot and the events after it give the state a full replay gives");
    }

    @Test
    void EVT2_aSnapshotFoldedUnderAnotherFingerprintIsNotServedButFoldedAgainAndReplaced() throws Exception {
        UUID accountId = UUID.randomUUID();
        String stream = AccountCommands.streamOf(accountId);
        Instant now = Instant.now();
        EventMetadata metadata = new EventMetadata("system", "fold-test", "fold-test", now);
        commands.open(accountId, new OpenAccount(accountId, "Folded", new Plan(List.of(Module.REMOTE_SUPPORT),
                List.of(new SeatCount(Module.REMOTE_SUPPORT, 10))), UUID.randomUUID(), "fold-admin", "Admin", "admin@fold.test", now), metadata,
                Optional.empty(), result -> null)
                .await().indefinitely();
        Account opened = commands.load(accountId).await().indefinitely().state();
        List<NewEvent> members = new ArrayList<>();
        for (int i = 0; i < CommandPipeline.SNAPSHOT_EVERY + 20; i++) {
            members.add(AccountCommands.ACCOUNTS.codec().encode(new UserAdded(UUID.randomUUID(), "fold-login-" + i, "Member " + i, "f" + i + "@fold.test",
                    Role.STANDARD, CompanyAccess.NONE, List.of(), false, null)));
        }
        store.append(stream, accountId, opened.version(), members, metadata).await().indefinitely();
        Loaded<Account> truth = commands.load(accountId).await().indefinitely();
        assertEquals(members.size() + 1, truth.state().members().size());

        // Another build's fold of the whole stream (its evolve or upcasters saw none of the members added): it claims to be up to date.
        Account otherFold = atVersion(opened, truth.state().version());
        new Snapshots<>(pool, "account_snapshots", Account.class, "another build's fold")
                .save(stream, new Snapshots.Snapshot<>(otherFold, otherFold.version(), truth.lastPosition(), null)).await().indefinitely();

        Loaded<Account> loaded = commands.load(accountId).await().indefinitely();
        assertEquals(truth.state(), loaded.state(), "the snapshot of another fold is not served");
        assertEquals(truth.state().version(), loaded.replayed(), "the stream is folded again from its events");

        Loaded<Account> next = commands.load(accountId).await().indefinitely();
        assertEquals(0, next.replayed(), "the new fold replaced the other one");
        assertEquals(truth.state(), next.state());
        assertNotEquals("another build's fold", AccountCommands.ACCOUNTS.fold());
        assertTrue(new Snapshots<>(pool, "account_snapshots", Account.class, AccountCommands.ACCOUNTS.fold()).find(stream).await().indefinitely().isPresent());
    }

    /** The state as if it had been folded up to {@code version}. */
    private static Account atVersion(Account state, long version) throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.MAPPER.valueToTree(state);
        return EventJson.MAPPER.treeToValue(json.put("version", version), Account.class);
    }
}
