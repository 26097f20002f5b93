package com.example.accounts.session.application;

import com.example.accounts.session.infrastructure.EventCodec;

import java.util.function.BiFunction;

/** How one kind of stream is folded: its events, its empty state, its evolve; {@code name} is what a caller calls it. */
public record Aggregate<S, E>(String name, EventCodec<E> codec, S initial, BiFunction<S, E, S> evolve) {
}
