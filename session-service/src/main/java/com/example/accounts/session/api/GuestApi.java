package com.example.accounts.session.api;

import com.example.accounts.kit.ProblemException;
import com.example.accounts.session.application.Guests;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;

/** What the guests' resources (customers, external technicians, participants) share: their key header, their address and join landings. */
public final class GuestApi {

    /** The header a guest proves who they are with (SEC-1). */
    public static final String GUEST_KEY = Guests.KEY;

    private GuestApi() {
    }

    /**
     * Where a join link lands (SUP-2, TRN-6): how to join with the code it carries, for the page or client that
     * follows it. It looks nothing up and spends nothing, so a link prefetcher burns no single-use code.
     */
    public record JoinLanding(String code, String method, String url, Map<String, String> body) {
    }

    public static JoinLanding landing(String code, String path, String otherField, String otherValue) {
        // twelve digits, spaces and dashes aside; a nine-digit code issued before codes were widened admits until it lapses
        String digits = code == null || code.length() > 64 ? null : Guests.digits(code);
        if (digits == null || !digits.matches("\\d{12}|\\d{9}")) {
            throw ProblemException.badRequest("code", "must be the twelve digits you were given");
        }
        return new JoinLanding(digits, "POST", path, Map.of("code", digits, otherField, otherValue));
    }

    /** The caller's address, as a trusted proxy forwards it: what guest rate limits count by. */
    public static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
