package com.example.accounts.account.api;

import com.example.accounts.kit.ProblemException;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * SEC-2: a request body becomes a command only when it is whole: every {@link Required} field is there, and no list
 * holds a null (JSON's {@code [null]} would otherwise reach the domain's value types and fail there as a 500). Checked
 * once for every body, before any rule looks at it, naming the field as the body spells it
 * ({@code companyAccess.companies[0]}); what a field's value means is left to the rules.
 */
final class RequestShape {

    /** A field the request cannot do without, and that no rule would otherwise name when it is missing or null. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Required {
    }

    private RequestShape() {
    }

    static void check(Object body) {
        check(body, "");
    }

    private static void check(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String element = path + "[" + i + "]";
                if (list.get(i) == null) {
                    throw ProblemException.badRequest(element, "must not be null");
                }
                check(list.get(i), element);
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
            check(content, field);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a request body", e);
        }
    }
}
