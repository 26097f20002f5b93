package com.example.accounts.eventstore;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** A relay in a JVM of its own, so that a test can kill it as a crash would: args are port, database, topic, bootstrap servers. */
public final class RelayProcess {
    public static void main(String[] args) throws InterruptedException {
        var connect = new PgConnectOptions().setHost("127.0.0.1").setPort(Integer.parseInt(args[0])).setDatabase(args[1]).setUser("postgres");
        var vertx = Vertx.vertx();
        var pool = PgBuilder.pool().connectingTo(connect).with(new PoolOptions().setMaxSize(4)).using(vertx).build();
        new OutboxRelay(pool, OutboxRelay.dedicatedConnections(vertx, connect), args[2], KafkaClients.plain(args[3]), 6, 200,
                java.time.Duration.ofMillis(50)).start();
        System.out.println("relay started");
        Thread.currentThread().join();
    }
}
