package com.example.accounts.eventstore;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** For the codecs' tests: an event record of a type with every field null, zero or false, where only its type matters. */
public final class BlankEvents {

    private BlankEvents() {
    }

    public static <T> T blank(Class<T> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(parameters).map(BlankEvents::zero).toArray();
            return type.getDeclaredConstructor(parameters).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
