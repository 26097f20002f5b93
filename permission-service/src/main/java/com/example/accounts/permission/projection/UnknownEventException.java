package com.example.accounts.permission.projection;

/** An event type this read model cannot apply. */
public final class UnknownEventException extends RuntimeException {
    public UnknownEventException(String type) {
        super("the permission read model does not know event type " + type);
    }
}
