package com.example.accounts.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a real server that can fail on request, for tests of what a client does when the server
 * behind it does not answer well: it passes every byte both ways until told to {@link #refuse} connections (the port
 * closed, as a server that is down), {@link #hangUp} on every connection it accepts (as a server that resets), or, once
 * a request has gone through, pass the server's answer back one byte at a time ({@link #trickle}), so a client that
 * waits per byte waits for as long as the trickle lasts, and only a deadline for the whole call ends it.
 * {@link #pass} ends any of these and drops the connections they spoiled.
 */
public final class FaultProxy implements AutoCloseable {

    private enum Mode {
        PASS,
        REFUSE,
        HANG_UP,
        TRICKLE
    }

    private final String host;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong trickled = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration perByte = Duration.ZERO;
    private volatile ServerSocket server;
    private volatile boolean closed;

    private FaultProxy(String host, int targetPort) throws IOException {
        this.host = host;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    /** A proxy to the server at host:port, listening on a free local port. */
    public static FaultProxy to(String host, int port) {
        try {
            return new FaultProxy(host, port);
        } catch (IOException e) {
            throw new LaunchException("cannot open the fault proxy: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the proxy as an HTTP server's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How many connections the proxy has accepted so far: whether a client still tries. */
    public int accepted() {
        return accepted.get();
    }

    /** How many bytes of answers the proxy has trickled: that a client was kept waiting on bytes that kept coming. */
    public long trickled() {
        return trickled.get();
    }

    /** Until {@link #pass}: the port is closed, so a connect is refused at once; the open connections are dropped. */
    public synchronized void refuse() {
        mode = Mode.REFUSE;
        closeQuietly(server);
        dropAll();
    }

    /** Until {@link #pass}: every connection is accepted and closed at once, before a byte of it is passed on. */
    public synchronized void hangUp() {
        reopen();
        mode = Mode.HANG_UP;
        dropAll();
    }

    /**
     * Until {@link #pass}: what the server sends back reaches the client one byte every {@code perByte}, on the open
     * connections and the new ones alike; what the client sends passes as it comes.
     */
    public synchronized void trickle(Duration perByte) {
        reopen();
        this.perByte = perByte;
        mode = Mode.TRICKLE;
    }

    /** Back to passing every byte; the connections a fault spoiled (half an answer trickled) are dropped. */
    public synchronized void pass() {
        Mode was = mode;
        mode = Mode.PASS;
        reopen();
        if (was != Mode.PASS) {
            dropAll();
        }
    }

    private void reopen() {
        if (server.isClosed() && !closed) {
            try {
                server = listen(port);
                startAccepting(server);
            } catch (IOException e) {
                throw new LaunchException("cannot listen on port " + port + " again: " + e.getMessage(), e);
            }
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        Thread.ofPlatform().name("fault-proxy-" + port).daemon().start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                if (mode == Mode.HANG_UP || mode == Mode.REFUSE) {
                    closeQuietly(client);
                    continue;
                }
                Thread.ofPlatform().name("fault-proxy-connection").daemon().start(() -> relay(client));
            } catch (IOException e) {
                // the port was closed (refuse, close): this acceptor is done
            }
        }
    }

    private void relay(Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(host, targetPort);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        Thread.ofPlatform().name("fault-proxy-requests").daemon().start(() -> copy(client, upstream, false));
        copy(upstream, client, true);
    }

    private void copy(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (answers && mode == Mode.TRICKLE) {
                    trickle(buffer, read, out);
                } else {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // a side closed or was dropped: the connection is over
        } finally {
            forget(from);
            forget(to);
        }
    }

    private void trickle(byte[] buffer, int length, OutputStream out) throws IOException {
        try {
            for (int i = 0; i < length; i++) {
                out.write(buffer[i]);
                out.flush();
                trickled.incrementAndGet();
                if (mode == Mode.TRICKLE) {
                    Thread.sleep(perByte);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void dropAll() {
        for (Socket socket : open) {
            forget(socket);
        }
    }

    private void forget(Socket socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(server);
        dropAll();
    }
}
