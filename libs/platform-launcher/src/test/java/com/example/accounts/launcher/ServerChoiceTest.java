package com.example.accounts.launcher;

import com.example.accounts.launcher.ServerChoice.Engine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * platform.servers: auto takes Testcontainers where a Docker engine answers and local processes where none does,
 * processes and containers insist. The engine is Testcontainers' own probe of this machine where the case is about
 * the machine; a given answer where it is about the other case.
 */
class ServerChoiceTest {

    @Test
    void autoFallsBackToProcessesOnAMachineWithoutADockerEngine() {
        Engine engine = Engine.probe();
        assumeFalse(engine.available(), "this machine has a Docker engine: " + engine.description());
        assertTrue(engine.description().contains("no Docker engine"), engine.description());
        assertEquals(ServerChoice.PROCESSES, ServerChoice.select("auto", () -> engine));
    }

    @Test
    void containersOnAMachineWithoutADockerEngineFailsNamingTheMissingEngine() {
        Engine engine = Engine.probe();
        assumeFalse(engine.available(), "this machine has a Docker engine: " + engine.description());
        LaunchException refused = assertThrows(LaunchException.class, () -> ServerChoice.select("containers", () -> engine));
        assertTrue(refused.getMessage().startsWith("platform.servers=containers needs a Docker engine"), refused.getMessage());
        assertTrue(refused.getMessage().contains("no Docker engine answers"), refused.getMessage());
    }

    @Test
    void autoTakesContainersWhereAnEngineAnswersAndProcessesNeverAsks() {
        Engine answering = new Engine(true, "Docker engine at unix:///var/run/docker.sock");
        assertEquals(ServerChoice.CONTAINERS, ServerChoice.select("auto", () -> answering));
        assertEquals(ServerChoice.CONTAINERS, ServerChoice.select(" Containers ", () -> answering));
        assertEquals(ServerChoice.PROCESSES, ServerChoice.select("processes", () -> {
            throw new AssertionError("processes asked for a Docker engine");
        }));
    }

    @Test
    void anUnknownSettingIsRefusedNamingWhatItTakes() {
        LaunchException refused = assertThrows(LaunchException.class, () -> ServerChoice.select("docker", () -> new Engine(true, "")));
        assertEquals("platform.servers is 'docker'; it takes auto, processes or containers", refused.getMessage());
    }
}
