package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Module;

import static com.example.accounts.permission.domain.Guards.companyAccess;
import static com.example.accounts.permission.domain.Guards.inPlan;

/** Modules without a seat of their own: Monitoring (SEAT-4, USR-11); the seat-bearing ones are {@link Guards#seat}, training {@link TrainingRules}. */
final class ModuleRules {

    private ModuleRules() {
    }

    static Decision monitoring(Ask a) {
        return inPlan(a, Module.MONITORING, "SEAT-4: MONITORING is open to every member, observers included, with no seat");
    }

    /** USR-11, CMP-2: Monitoring's data, per company. */
    static Decision monitoringView(Ask a) {
        return Decision.allOf(inPlan(a, Module.MONITORING, "SEAT-4/USR-11: Monitoring data, observers included, with no seat"), companyAccess(a, "USR-11"));
    }
}
