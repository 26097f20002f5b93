package com.example.accounts.account.application;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a command answers over HTTP, kept for SEC-3: a creating command retried with the same Idempotency-Key
 * gets this same answer and appends nothing.
 */
public record Answer(int status, String location, long version, String token, JsonNode body) {
}
