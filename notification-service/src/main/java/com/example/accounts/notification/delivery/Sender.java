package com.example.accounts.notification.delivery;

import com.example.accounts.notification.domain.Retries;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands the queued emails to the SMTP server, a batch at a time and the emails of a batch at once; one thread per
 * instance (instances share the queue: a claim skips what another holds). What the server takes is SENT. A passing failure (server unreachable, a 4xx reply, no
 * answer) is tried again after a back-off that doubles; a lasting one (a 5xx reply, an address it refuses) is
 * FAILED with the server's words. Nothing is dropped: an email that is neither is still PENDING, with its last error.
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final int BATCH = 20;

    private final Deliveries deliveries;
    private final ReactiveMailer mailer;
    private final Retries retries;
    private final Duration sendTimeout;
    private final Duration claimTimeout;
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public Sender(Deliveries deliveries, ReactiveMailer mailer,
                  @ConfigProperty(name = "platform.mail.retry.first") Duration firstRetry,
                  @ConfigProperty(name = "platform.mail.retry.longest") Duration longestRetry,
                  @ConfigProperty(name = "platform.mail.retry.give-up-after") Duration giveUpAfter,
                  @ConfigProperty(name = "platform.mail.send-timeout") Duration sendTimeout,
                  @ConfigProperty(name = "platform.mail.claim-timeout") Duration claimTimeout) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.retries = new Retries(firstRetry, longestRetry, giveUpAfter);
        this.sendTimeout = sendTimeout;
        this.claimTimeout = claimTimeout;
        if (claimTimeout.compareTo(sendTimeout) <= 0) {
            throw new IllegalArgumentException("platform.mail.claim-timeout (" + claimTimeout + ") must be longer than platform.mail.send-timeout ("
                    + sendTimeout + "): a claim that lapses while its email is being sent would be taken for a crash");
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "email-sender");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
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

    /** Hands the batch to SMTP at once, each with its own timeout, then records what became of each. */
    private void send(List<Deliveries.Claimed> batch) {
        List<CompletableFuture<Throwable>> outcomes = batch.stream().map(email -> mailer.send(mail(email))
                        .ifNoItem().after(sendTimeout).fail()
                        .map(sent -> (Throwable) null).onFailure().recoverWithItem(failure -> failure)
                        .subscribeAsCompletionStage())
                .toList();
        for (int i = 0; i < batch.size(); i++) {
            record(batch.get(i), outcomes.get(i).join());
        }
    }

    private static Mail mail(Deliveries.Claimed email) {
        return Mail.withText(email.recipient(), email.subject(), email.text()).setHtml(email.html())
                .addHeader("Message-ID", email.messageId()).addHeader("Content-Language", email.language());
    }

    private void record(Deliveries.Claimed email, Throwable thrown) {
        if (thrown == null) {
            deliveries.sent(email.deliveryId());
            return;
        }
        Failure failure = Failure.of(thrown, sendTimeout);
        if (failure.lasting()) {
            LOG.warnf("email %s to %s failed for good: %s", email.deliveryId(), email.recipient(), failure.reason());
            deliveries.failed(email.deliveryId(), failure.reason());
        } else if (!retries.worthTrying(email.queuedAt(), Instant.now())) {
            deliveries.failed(email.deliveryId(), "given up after " + email.attempts() + " attempts: " + failure.reason());
        } else {
            Duration wait = retries.after(email.attempts());
            LOG.infof("email %s to %s not taken (%s); trying again in %s", email.deliveryId(), email.recipient(), failure.reason(), wait);
            deliveries.retryAt(email.deliveryId(), failure.reason(), Instant.now().plus(wait));
        }
    }

    /** Why a hand-over failed, and whether trying again could help. */
    record Failure(boolean lasting, String reason) {

        static Failure of(Throwable thrown, Duration timeout) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (cause instanceof SMTPException smtp) {
                    String reply = smtp.getReplyMessage().startsWith(Integer.toString(smtp.getReplyCode())) ? smtp.getReplyMessage()
                            : smtp.getReplyCode() + " " + smtp.getReplyMessage();
                    return smtp.isPermanent() ? new Failure(true, "the SMTP server refused it: " + reply)
                            : new Failure(false, "the SMTP server cannot take it now: " + reply);
                }
                if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                    return new Failure(false, "the SMTP server did not answer within " + timeout.toSeconds() + " s");
                }
                if (cause instanceof java.net.ConnectException) {
                    return new Failure(false, "the SMTP server cannot be reached: " + cause.getMessage());
                }
                if (cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().toLowerCase().contains("address")) {
                    return new Failure(true, "not an address the mail can go to: " + cause.getMessage());
                }
            }
            return new Failure(false, thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
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
