package com.example.accounts.kit.command;

import com.example.accounts.contract.ConsistencyToken;

import java.util.List;

/**
 * What a command left: the stream's new state and version, the events it appended (maybe none) and the token that
 * waits for them (PRM-4; null for a command that appended nothing to a stream never written).
 */
public record Done<S, E>(S state, long version, List<E> events, ConsistencyToken token) {
}
