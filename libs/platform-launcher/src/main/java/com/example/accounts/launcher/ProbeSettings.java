package com.example.accounts.launcher;

import java.util.Map;

/**
 * What {@link NonMemberOracle} was told beside the ids, as one probe reads it: the service, the outsider's token, the
 * values that are no ids, the outsider's own account (or nulls), the consistency token the real account reached and
 * the query parameter it goes in, and the If-Match sent.
 */
record ProbeSettings(String baseUrl, String token, Map<String, String> values, String ownAccountName, String ownAccount,
        String consistencyToken, String consistencyParameter, String ifMatch) {
}
