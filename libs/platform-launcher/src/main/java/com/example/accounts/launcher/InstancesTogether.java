package com.example.accounts.launcher;

import com.example.accounts.launcher.Platform.Service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Instances of one service started at the same moment on one configuration, as the replicas of a deployment start
 * together ({@link Platform#startInstancesTogether}): each on its port and a log of its own, waited for all.
 *
 * @param ready  the instances that came up, whether or not another failed
 * @param failed why one did not, or null
 */
record InstancesTogether(List<ServiceProcess> ready, LaunchException failed) {

    static InstancesTogether start(Installation installation, Path runDir, Service service, List<Integer> ports, Map<String, String> config,
            List<String> jvmOptions) {
        ExecutorService starting = Executors.newFixedThreadPool(ports.size());
        try {
            List<Future<ServiceProcess>> starts = new ArrayList<>();
            for (int port : ports) {
                starts.add(starting.submit(() -> ServiceProcess.start(installation, runDir, service, service.module + "-" + port, port,
                        config, jvmOptions)));
            }
            List<ServiceProcess> ready = new ArrayList<>();
            LaunchException failed = null;
            for (Future<ServiceProcess> start : starts) {
                try {
                    ready.add(start.get());
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof LaunchException launch ? launch : new LaunchException(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = new LaunchException("interrupted while starting " + service.module, e);
                }
            }
            return new InstancesTogether(ready, failed);
        } finally {
            starting.shutdownNow();
        }
    }
}
