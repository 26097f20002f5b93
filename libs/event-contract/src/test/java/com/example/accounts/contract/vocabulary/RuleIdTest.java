package com.example.accounts.contract.vocabulary;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The rule ids and the rule book ({@code ../shared/domain.md} beside the project, when it is there) name the same rules. */
class RuleIdTest {

    /** A rule's definition in the rule book: a list item that starts with its id in bold ({@code - **USR-7** ...}). */
    private static final Pattern DEFINED = Pattern.compile("(?m)^- \\*\\*([A-Z]+-[0-9]+)\\*\\*");

    @Test
    void everyRuleOfTheRuleBookHasItsConstantAndEveryConstantItsRule() throws IOException {
        Optional<Path> book = ruleBook();
        assumeTrue(book.isPresent(), "no ../shared/domain.md beside the project");
        Set<String> defined = new TreeSet<>();
        Matcher matcher = DEFINED.matcher(Files.readString(book.get()));
        while (matcher.find()) {
            defined.add(matcher.group(1));
        }
        assertFalse(defined.isEmpty(), book.get() + " defines no rule");

        assertEquals(defined, Arrays.stream(RuleId.values()).map(RuleId::id).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void eachConstantIsNamedAfterItsIdAndSaysItsRule() {
        for (RuleId rule : RuleId.values()) {
            assertEquals(rule.id().replace('-', '_'), rule.name());
            assertTrue(!rule.rule().isBlank() && !rule.rule().contains("\n"), rule.id());
            assertEquals(Optional.of(rule), RuleId.of(rule.id()));
            assertEquals(rule.id(), rule.toString());
        }
        assertEquals(Optional.empty(), RuleId.of("USR-99"));
    }

    /** The project's root is the nearest directory up from here holding {@code mvnw}; the rule book is beside it. */
    private static Optional<Path> ruleBook() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path book = dir.resolve("../shared/domain.md").normalize();
                return Files.isRegularFile(book) ? Optional.of(book) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
