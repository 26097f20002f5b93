package com.example.accounts.permission.api;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** PRM-4: how long a question waits for its consistency token to be applied before it answers 503. */
@ConfigMapping(prefix = "platform.consistency")
public interface ConsistencyWait {

    Duration maxWait();
}
