package com.example.accounts.contract.vocabulary;

import com.example.accounts.contract.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vocabulary and the event schemas say the same: each enum's values are exactly the values of every schema
 * {@code enum} that lists it, and every schema {@code enum} is either one of the vocabulary's or named below as a
 * value that only its own event speaks of. A value added on one side only fails here.
 */
class VocabularyTest {

    private static final EventSchemas SCHEMAS = EventSchemas.INSTANCE;

    /** Schema enums that are no vocabulary of ours: reasons, platforms, deliveries, kinds of one event each. */
    private static final Set<String> EVENT_OWN = Set.of(
            "AgentLoggedOutOfQueue /reason", "CustomerJoined /platform", "ExternalInviteIssued /delivery",
            "ExternalInviteRevoked /reason", "ExternalTechnicianLoggedOut /reason", "KeyboardControlGiven /to/kind",
            "PresenterChanged /presenter/kind", "SupportActionRequested /action");

    private static final Map<String, Set<String>> VOCABULARY = new TreeMap<>();

    static {
        claim(names(Role.values()), "UserAdded /role", "RoleChanged /from", "RoleChanged /to");
        claim(names(Module.values()), "AccountOpened /plan/modules", "PlanChanged /plan/modules");
        claim(names(Module.values(), Module::seatBearing), "AccountOpened /plan/seats/module", "PlanChanged /plan/seats/module",
                "SeatProvisioned /module", "SeatReleased /module");
        claim(names(SupportFeature.values()), "UserAdded /supportFeatures", "SupportFeaturesChanged /supportFeatures");
        claim(names(CcRole.values()), "ContactCenterRoleAssigned /role", "ContactCenterRoleRevoked /role");
        claim(names(CcRole.values(), role -> !role.permissions().isEmpty()), "ContactCenterRolePermissionsChanged /role");
        claim(names(CcPermission.values()), "ContactCenterRolePermissionsChanged /permissions");
        claim(names(CcRole.AGENT.permissions().toArray(CcPermission[]::new)), "AgentLoggedIntoQueue /permissions");
        claim(names(QueueRole.values()), "QueueAssignmentChanged /role");
        claim(names(PolicyPermission.values()), "SecurityPolicyDefined /permissions", "SecurityPolicyChanged /permissions",
                "ExternalInviteIssued /permissions", "ExternalInviteRedeemed /permissions");
        claim(new TreeSet<>(Language.codes()), "UserAdded /language", "AccountSettingsChanged /settings/defaultLanguage");
    }

    private static void claim(Set<String> values, String... places) {
        for (String place : places) {
            VOCABULARY.put(place, values);
        }
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<String> names(E... constants) {
        return names(constants, constant -> true);
    }

    private static <E extends Enum<E>> Set<String> names(E[] constants, Predicate<E> which) {
        return Arrays.stream(constants).filter(which).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everySchemaEnumListsExactlyItsVocabularysValues() {
        Map<String, Set<String>> schemaEnums = schemaEnums();
        VOCABULARY.forEach((place, values) -> assertEquals(values, schemaEnums.get(place), place));

        Set<String> unclaimed = new TreeSet<>(schemaEnums.keySet());
        unclaimed.removeAll(VOCABULARY.keySet());
        assertEquals(new TreeSet<>(EVENT_OWN), unclaimed, "schema enums that are neither vocabulary nor named as an event's own");
    }

    @Test
    void NTF6_languagesAreTheSchemasCodesAndEnglishIsTheFallback() {
        assertEquals(List.of("en", "fr", "es", "de"), Language.codes());
        assertEquals(Language.FR, Language.pick(" FR ", "de"));
        assertEquals(Language.DE, Language.pick("it", "de"));
        assertEquals(Language.EN, Language.pick(null, "xx"));
    }

    @Test
    void USR3_adminsAreTheFullAndTheLimitedAdmin() {
        assertEquals(Set.of(Role.ADMIN, Role.LIMITED_ADMIN),
                Arrays.stream(Role.values()).filter(Role::admin).collect(Collectors.toSet()));
        assertEquals(Set.of(Role.ADMIN, Role.LIMITED_ADMIN, Role.STANDARD),
                Arrays.stream(Role.values()).filter(Role::holdsSeats).collect(Collectors.toSet()));
    }

    /** Every {@code enum} of every current schema, by event type and property path, nulls left out. */
    private static Map<String, Set<String>> schemaEnums() {
        Map<String, Set<String>> enums = new TreeMap<>();
        for (String type : SCHEMAS.types()) {
            collect(type, "", SCHEMAS.schema(type, SCHEMAS.currentVersion(type)), enums);
        }
        return enums;
    }

    private static void collect(String type, String path, JsonNode schema, Map<String, Set<String>> enums) {
        if (schema.has("enum")) {
            Set<String> values = new TreeSet<>();
            schema.get("enum").forEach(value -> {
                if (!value.isNull()) {
                    values.add(value.asText());
                }
            });
            enums.put(type + " " + (path.isEmpty() ? "/" : path), values);
        }
        schema.path("properties").fields().forEachRemaining(property -> collect(type, path + "/" + property.getKey(), property.getValue(), enums));
        if (schema.has("items")) {
            collect(type, path, schema.get("items"), enums);
        }
        List<JsonNode> alternatives = new ArrayList<>();
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(keyword).forEach(alternatives::add);
        }
        alternatives.forEach(alternative -> collect(type, path, alternative, enums));
    }
}
