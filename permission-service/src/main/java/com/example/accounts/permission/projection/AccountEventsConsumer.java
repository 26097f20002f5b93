package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Feeds {@code account-events} into the read model, one event at a time in each partition's order (PRM-1). */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CHANNEL = "account-events";
    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);

    private final ReadModel readModel;

    public AccountEventsConsumer(ReadModel readModel) {
        this.readModel = readModel;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        var event = EventJson.read(json);
        return readModel.apply(Topics.ACCOUNT_EVENTS, event)
                .invoke(applied -> {
                    if (!applied) {
                        LOG.debugf("%s %s v%d was applied before; skipped", event.type(), event.streamId(), event.version());
                    }
                })
                .replaceWithVoid();
    }
}
