package com.example.accounts.eventstore;

import java.time.Duration;

/**
 * How far behind a store's publication is, and why (EVT-3), as any instance of the service sees it.
 *
 * @param leading           whether this instance's relay holds the lead and publishes
 * @param unpublished       events committed and not yet published (counted up to {@link #COUNTED})
 * @param oldestUnpublished how long the oldest of them (of the first {@link #COUNTED}) has been stored; {@link Duration#ZERO} when none
 * @param heldBackBy        the open transaction that may still write events and keeps the relay from them, or null
 * @param lastFailure       why this instance's relay last failed to publish (Kafka down, its lock connection lost), or null
 */
public record RelayStatus(String topic, boolean leading, long unpublished, Duration oldestUnpublished, String heldBackBy, String lastFailure) {

    /**
     * Counting stops here: the status reads the first events past the relay's checkpoint in the relay's order, a range
     * of its index {@code events_relay_order} no longer than this, so a long backlog costs a health check, called every
     * few seconds by every load balancer and scrape, a few milliseconds rather than a scan of the backlog.
     */
    public static final int COUNTED = 1_000;

    /** Whether the oldest unpublished event waits no longer than {@code bound}. */
    public boolean within(Duration bound) {
        return oldestUnpublished.compareTo(bound) <= 0;
    }

    /** One sentence for an operator: how far behind, and why when it is known. */
    public String reason() {
        if (unpublished == 0) {
            return "every committed event is published";
        }
        String behind = (unpublished >= COUNTED ? "at least " : "") + unpublished + " committed events not yet published, the oldest stored "
                + oldestUnpublished.toSeconds() + " s ago";
        if (heldBackBy != null) {
            return behind + "; held back by " + heldBackBy;
        }
        if (lastFailure != null) {
            return behind + "; publishing fails: " + lastFailure;
        }
        return behind;
    }
}
