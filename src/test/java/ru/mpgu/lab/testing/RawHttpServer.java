package ru.mpgu.lab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A byte-level HTTP server on 127.0.0.1 for tests: a {@link Behaviour} decides, for each request,
 * what goes back on the wire (valid responses, garbage, nothing, an abrupt close).
 */
public final class RawHttpServer implements AutoCloseable {

    /** Decides the answer to the n-th request (1-based, counted over all connections). */
    @FunctionalInterface
    public interface Behaviour {
        /** @return false to close the connection after this request */
        boolean answer(long requestNumber, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    public static final String OK_KEEP_ALIVE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong acceptedConnections = new AtomicLong();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    public RawHttpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        acceptor = new Thread(this::acceptLoop, "raw-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Behaviour fixed(String response) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return (n, socket, out) -> {
            out.write(bytes);
            out.flush();
            return true;
        };
    }

    /** Answers {@code response} after {@code delayMillis}, keeping the connection: a slow server, not a dead one. */
    public static Behaviour slow(long delayMillis, String response) {
        Behaviour answer = fixed(response);
        return (n, socket, out) -> {
            Thread.sleep(delayMillis);
            return answer.answer(n, socket, out);
        };
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public long requests() {
        return requests.get();
    }

    public int openConnections() {
        return openConnections.get();
    }

    public long acceptedConnections() {
        return acceptedConnections.get();
    }

    /** Waits (bounded) until the client has closed every connection; returns what is still open. */
    public int awaitAllClosed(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (openConnections.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return openConnections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                acceptedConnections.incrementAndGet();
                openConnections.incrementAndGet();
                sockets.add(socket);
                Thread handler = new Thread(() -> serve(socket), "raw-http-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequestHead(in)) {
                if (!behaviour.answer(requests.incrementAndGet(), socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // client went away, or we closed the server
        } finally {
            sockets.remove(socket);
            openConnections.decrementAndGet();
        }
    }

    /** Reads up to the blank line; false at end of stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int state = 0; // matched bytes of \r\n\r\n
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if ((state == 0 || state == 2) && b == '\r') {
                state++;
            } else if ((state == 1 || state == 3) && b == '\n') {
                if (++state == 4) {
                    return true;
                }
            } else {
                state = b == '\r' ? 1 : 0;
            }
        }
    }

    /** Resets the connection (RST instead of FIN). */
    public static void abort(Socket socket) throws SocketException, IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
