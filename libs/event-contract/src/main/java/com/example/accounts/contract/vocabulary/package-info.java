/**
 * The words of the rule book every service speaks: account roles, modules, support features, contact-center roles
 * and permissions, security-policy permissions, email languages and the rule ids. Plain Java with no framework, so
 * any domain may import it; the event schemas list the same values (VocabularyTest holds them to each other).
 */
package com.example.accounts.contract.vocabulary;
