package com.example.accounts.kit;

import com.example.accounts.contract.EventJson;
import com.example.accounts.kit.command.Done;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * What a command answers over HTTP: its status and body, and the headers that carry the write: the
 * {@code Consistency-Token} of what it appended (PRM-4), the {@code ETag} of the version it left, and for a creation
 * the {@code Location} of what it created. {@link #response()} answers it; {@link #kept()} is the form an
 * Idempotency-Key keeps to answer a retry with (SEC-3).
 *
 * <pre>{@code
 * CommandAnswer.ok(view).versioned(done).response()           // Consistency-Token and ETag
 * CommandAnswer.created(location, view).written(done).response() // Consistency-Token and Location
 * }</pre>
 */
public final class CommandAnswer {

    private final int status;
    private final URI location;
    private final Object body;
    private String token;
    private long version;

    private CommandAnswer(int status, URI location, Object body) {
        this.status = status;
        this.location = location;
        this.body = body;
    }

    /** 201, {@code Location: location}. */
    public static CommandAnswer created(URI location, Object body) {
        return new CommandAnswer(201, location, body);
    }

    /** 200. */
    public static CommandAnswer ok(Object body) {
        return new CommandAnswer(200, null, body);
    }

    /** 204. */
    public static CommandAnswer noContent() {
        return new CommandAnswer(204, null, null);
    }

    /** The {@code Consistency-Token} of the write, when it has one (a command that appended nothing to a new stream has none). */
    public CommandAnswer written(Done<?, ?> done) {
        this.token = done.token() == null ? null : done.token().toString();
        return this;
    }

    /** The write's {@code Consistency-Token} and, as the {@code ETag}, the version it left. */
    public CommandAnswer versioned(Done<?, ?> done) {
        return written(done).etag(done.version());
    }

    /** The {@code ETag}: the version of the stream the command left (a positive one; 0 names none). */
    public CommandAnswer etag(long version) {
        this.version = version;
        return this;
    }

    public Response response() {
        return Answer.written(status, body, token, version, location).build();
    }

    /** The answer as an Idempotency-Key keeps it, its body as JSON. */
    public Answer kept() {
        return new Answer(status, location == null ? null : location.toString(), version, token, body == null ? null : EventJson.MAPPER.valueToTree(body));
    }
}
