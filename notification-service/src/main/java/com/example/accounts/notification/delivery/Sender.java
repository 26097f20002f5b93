package com.example.accounts.notification.delivery;

import com.example.accounts.contract.InviteUrlSeal;
import com.example.accounts.notification.delivery.SmtpClient.Outcome;
import com.example.accounts.notification.domain.Retries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands the queued emails to the SMTP server, a batch at a time and the emails of a batch at once; one thread per
 * instance (instances share the queue: a claim skips what another holds). What the server takes is SENT. A passing
 * failure before the message was handed over (server unreachable, a 4xx reply, no answer) is tried again after a
 * back-off that doubles; a lasting one (a 5xx reply, an address it refuses) is FAILED with the server's words. No
 * answer after the message was handed over (too late, or the connection lost) is UNCERTAIN: the server may have it,
 * so it is not sent again (NTF-5). Nothing is dropped: an email that is none of these is still PENDING, with its last error.
 * The mail is written only here, for its hand-over ({@link Rendering}): an invite whose sealed URL does not open is
 * FAILED with why, and never sent (INV-2).
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final int BATCH = 20;

    private final Deliveries deliveries;
    private final SmtpClient smtp;
    private final Rendering rendering;
    /** One virtual thread per email being handed over: each waits on its own SMTP conversation. */
    private final ExecutorService handOvers = Executors.newVirtualThreadPerTaskExecutor();
    private final Retries retries;
    private final Duration sendTimeout;
    private final Duration claimTimeout;
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public Sender(Deliveries deliveries, SmtpClient smtp, Rendering rendering, NotificationConfig.Mail mail) {
        this.deliveries = deliveries;
        this.smtp = smtp;
        this.rendering = rendering;
        this.retries = new Retries(mail.retry().first(), mail.retry().longest(), mail.retry().giveUpAfter());
        this.sendTimeout = mail.sendTimeout();
        this.claimTimeout = mail.claimTimeout();
        if (claimTimeout.compareTo(sendTimeout) <= 0) {
            throw new IllegalArgumentException("platform.mail.claim-timeout (" + claimTimeout + ") must be longer than platform.mail.send-timeout ("
                    + sendTimeout + "): a claim that lapses while its email is being sent would be taken for a crash");
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("email-sender").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        handOvers.shutdownNow();
    }

    /** New emails are queued: send them now rather than at the next look. */
    void wake() {
        work.release();
    }

    private void run() {
        while (running) {
            try {
                int uncertain = deliveries.interrupted(claimTimeout);
                if (uncertain > 0) {
                    LOG.warnf("%d emails were being handed to SMTP when an instance stopped: marked UNCERTAIN, not sent again", uncertain);
                }
                List<Deliveries.Claimed> claimed = deliveries.claim(BATCH);
                send(claimed);
                if (claimed.size() < BATCH) {
                    work.tryAcquire(1, TimeUnit.SECONDS);
                    work.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf("email sender: %s; looking again in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Writes each mail and hands the batch to SMTP at once, each with its own timeout, then records what became of each. */
    private void send(List<Deliveries.Claimed> batch) {
        List<CompletableFuture<Outcome>> outcomes = batch.stream().map(this::handOver).toList();
        for (int i = 0; i < batch.size(); i++) {
            record(batch.get(i), outcomes.get(i).join());
        }
    }

    private CompletableFuture<Outcome> handOver(Deliveries.Claimed email) {
        Templates.Rendered mail;
        try {
            mail = rendering.render(email);
        } catch (InviteUrlSeal.Unopened unopened) {
            return CompletableFuture.completedFuture(new Outcome.Unsendable("not sent (INV-2): " + unopened.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome.Unsendable("the mail cannot be written: " + e.getMessage()));
        }
        return CompletableFuture.supplyAsync(() -> smtp.send(email.recipient(), mail.subject(), mail.text(), mail.html(), email.messageId(),
                email.language(), sendTimeout), handOvers);
    }

    private void record(Deliveries.Claimed email, Outcome outcome) {
        switch (outcome) {
            case Outcome.Taken taken -> deliveries.sent(email.deliveryId());
            case Outcome.Unanswered unanswered -> {
                LOG.warnf("email %s to %s was handed over but not answered (%s): UNCERTAIN, not sent again", email.deliveryId(), email.recipient(),
                        unanswered.reason());
                deliveries.uncertain(email.deliveryId(), "handed over, then " + unanswered.reason() + ": it may have arrived (Message-ID "
                        + email.messageId() + "), so it is not sent again");
            }
            case Outcome.Refused refused when refused.lasting() -> failed(email, "the SMTP server refused it: " + refused.reply());
            case Outcome.Unsendable unsendable -> failed(email, unsendable.reason());
            case Outcome.Refused refused -> passing(email, "the SMTP server cannot take it now: " + refused.reply());
            case Outcome.NotHandedOver notHandedOver -> passing(email, notHandedOver.reason());
        }
    }

    private void failed(Deliveries.Claimed email, String reason) {
        LOG.warnf("email %s to %s failed for good: %s", email.deliveryId(), email.recipient(), reason);
        deliveries.failed(email.deliveryId(), reason);
    }

    /** Not handed over, for a reason that may pass: tried again after the back-off, until the retries give up. */
    private void passing(Deliveries.Claimed email, String reason) {
        if (!retries.worthTrying(email.queuedAt(), Instant.now())) {
            deliveries.failed(email.deliveryId(), "given up after " + email.attempts() + " attempts: " + reason);
        } else {
            Duration wait = retries.after(email.attempts());
            LOG.infof("email %s to %s not taken (%s); trying again in %s", email.deliveryId(), email.recipient(), reason, wait);
            deliveries.retryAt(email.deliveryId(), reason, Instant.now().plus(wait));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
