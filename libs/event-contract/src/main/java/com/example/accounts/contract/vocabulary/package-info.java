/**
 * The words of the rule book every service speaks: account roles, modules, support features, contact-center roles
 * and permissions, security-policy permissions, email languages, the rule ids and an email address's form. Plain Java with no framework, so
 * any domain may import it; the event schemas list the same values (VocabularyTest holds them to each other).
 */
package com.example.accounts.contract.vocabulary;
