package ru.mpgu.lab.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the lab stack on 127.0.0.1: {@code /orders} answers JSON after a short sleep, and at most
 * {@code replicas} requests are served at once, like sync Django workers behind nginx. {@link #scaleWeb}
 * changes that number; each answer names its "replica" in X-Upstream, as the lab's nginx does.
 */
public final class FakeLabServer implements AutoCloseable {

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] BODY = "{\"orders\":[{\"id\":1}]}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final long serviceMillis;
    private volatile Semaphore replicas;
    private final AtomicInteger replicaCount = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();

    public FakeLabServer(int replicas, long serviceMillis) throws IOException {
        this.serviceMillis = serviceMillis;
        scaleWeb(replicas);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(executor);
        server.createContext("/orders", exchange -> {
            long n = requests.incrementAndGet();
            Semaphore permits = this.replicas;
            try {
                permits.acquire();
                try {
                    Thread.sleep(serviceMillis);
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Upstream", "10.0.0." + (1 + n % replicaCount.get()) + ":8000");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
    }

    public void scaleWeb(int n) {
        replicaCount.set(n);
        replicas = new Semaphore(n);
    }

    public long requests() {
        return requests.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
