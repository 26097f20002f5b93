package com.example.accounts.kit;

import com.example.accounts.contract.vocabulary.RuleId;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * SEC-2: a request body becomes a command only when it is whole and bounded: every {@link Required} field is there,
 * no list holds a null, and no string or list is longer than its {@link Max}. Checked once for every body, before any
 * rule or pattern looks at it, so no rule ever spends more on a value than its bound allows; the field is named as the
 * body spells it ({@code coOrganizerMemberIds[3]}). What a field's value means is left to the rules. A parameter that
 * does not parse is a 400 naming it ({@link #parsed}).
 */
public final class RequestShape {

    /** A field the request cannot do without, and that no rule would otherwise name when it is missing or null. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Required {
    }

    /**
     * The most a field holds: characters of a string, elements of a list; {@code each}, the characters of each string
     * in a list. Longer is a 422 naming the field.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Max {
        int value();

        int each() default Integer.MAX_VALUE;
    }

    /** SEC-2: the most characters of an id in a body, a UUID's 36 with room for the whitespace {@link #uuid} strips. */
    public static final int ID = 64;
    /** SEC-2: the most characters of a name from a fixed list (an action, a delivery, a kind) or a client version. */
    public static final int WORD = 32;

    private RequestShape() {
    }

    public static void check(Object body) {
        check(body, "", null);
    }

    /** A request that needs a body: refused when it came without one, or with a part missing or over its bound. */
    public static void required(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        check(body);
    }

    /** A path or query parameter parsed (null when absent), or a 400 naming it and what it {@code takes}. */
    public static <T> T parsed(String name, String value, Function<String, T> parse, String takes) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be " + takes);
        }
    }

    /** An id given as text in a body (null when absent or blank; whitespace around it aside), or a 400 naming the field. */
    public static UUID uuid(String field, String value) {
        return parsed(field, value == null || value.isBlank() ? null : value.strip(), UUID::fromString, "a UUID");
    }

    private static void check(Object value, String path, Max max) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            if (max != null && text.length() > max.value()) {
                throw ProblemException.invalid(RuleId.SEC_2, path, "is longer than " + max.value() + " characters");
            }
            return;
        }
        if (value instanceof List<?> list) {
            if (max != null && list.size() > max.value()) {
                throw ProblemException.invalid(RuleId.SEC_2, path, "holds more than " + max.value() + " elements");
            }
            for (int i = 0; i < list.size(); i++) {
                String element = path + "[" + i + "]";
                Object content = list.get(i);
                if (content == null) {
                    throw ProblemException.badRequest(element, "must not be null");
                }
                if (max != null && content instanceof String text && text.length() > max.each()) {
                    throw ProblemException.invalid(RuleId.SEC_2, element, "is longer than " + max.each() + " characters");
                }
                check(content, element, null);
            }
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
            Object content = read(component, value);
            if (content == null && component.isAnnotationPresent(Required.class)) {
                throw ProblemException.badRequest(field, "is required");
            }
            check(content, field, component.getAnnotation(Max.class));
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            // a body record of a package-private class of the service: its accessor is public, its class is not ours
            accessor.trySetAccessible();
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a request body", e);
        }
    }
}
