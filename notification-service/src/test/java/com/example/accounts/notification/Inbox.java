package com.example.accounts.notification;

import com.example.accounts.launcher.ReceivedMail;
import com.example.accounts.launcher.TestPlatform;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The mail the real SMTP server received for an address, decoded. */
final class Inbox {

    private Inbox() {
    }

    static List<ReceivedMail> of(String address) {
        return TestPlatform.get().mail().inbox(address);
    }

    static int count(String address) {
        return of(address).size();
    }

    /** The first mail for the address, waiting for it up to a minute. */
    static ReceivedMail awaitMail(String address) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> count(address) > 0);
        return of(address).get(0);
    }
}
