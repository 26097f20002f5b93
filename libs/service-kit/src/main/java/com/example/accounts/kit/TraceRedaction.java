package com.example.accounts.kit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * No span carries a join code or an invite token: a request's query (where the guests' codes are) is never kept, and
 * an invite's token in a path is written {@code (token)}, as the gateway's access log does, before any exporter sees
 * the span. The route (the span's name, {@code http.route}) is the template, which names no value.
 */
@Singleton
public class TraceRedaction implements SpanProcessor {

    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");
    private static final Pattern INVITE_TOKEN = Pattern.compile("(/invites/)[^/?#]+");
    private static final Pattern QUERY_PART = Pattern.compile("\\?.*$");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        if (span.getAttribute(QUERY) != null) {
            span.setAttribute(QUERY, "(redacted)");
        }
        String path = span.getAttribute(PATH);
        if (path != null) {
            span.setAttribute(PATH, redact(path));
        }
        String full = span.getAttribute(FULL);
        if (full != null) {
            span.setAttribute(FULL, redact(QUERY_PART.matcher(full).replaceFirst("")));
        }
    }

    static String redact(String path) {
        return INVITE_TOKEN.matcher(path).replaceAll("$1(token)");
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
