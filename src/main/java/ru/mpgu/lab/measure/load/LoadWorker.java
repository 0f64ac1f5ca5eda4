package ru.mpgu.lab.measure.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import ru.mpgu.lab.measure.SocketErrors;
import ru.mpgu.lab.measure.http.HttpParseException;
import ru.mpgu.lab.measure.http.HttpResponseParser;
import ru.mpgu.lab.measure.http.ResponseHead;

/**
 * One wrk thread: a selector driving its share of the connections, each with one request in
 * flight. Everything here runs on the worker's own thread; only the counters in
 * {@link Shared} are read by the coordinating thread while it runs.
 */
final class LoadWorker implements Runnable {

    /** wrk's RECORD_INTERVAL_MS: how often a thread samples its request rate. */
    static final long RATE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Pause before reconnecting after a failed connect, so a closed port does not spin the CPU. */
    static final long CONNECT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int READ_BUFFER = 8192; // wrk's RECVBUF

    /** State the coordinator watches: stop flag and connect outcomes. */
    static final class Shared {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong connected = new AtomicLong();
        final AtomicLong connectFailures = new AtomicLong();
    }

    private enum State { WAITING_TO_CONNECT, CONNECTING, IN_FLIGHT }

    private final class Slot implements HttpResponseParser.Handler {
        SocketChannel channel;
        SelectionKey key;
        State state = State.WAITING_TO_CONNECT;
        long deadline;
        long requestStart;
        ByteBuffer pending;
        boolean reconnectAfterResponse;
        boolean responded;
        final HttpResponseParser parser = new HttpResponseParser(listener != null && listener.wantsHeaders());

        @Override
        public void onResponse(ResponseHead head) {
            onResponseComplete(this, head);
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final long timeoutNanos;
    private final long timeoutUs;
    private final long endNanos;
    private final ResponseListener listener;
    private final Shared shared;
    private final List<Slot> slots = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);

    // results, read by the coordinator after join()
    final Histogram latency;
    long maxLatencyUs;
    long complete;
    long bytes;
    long non2xx3xx;
    long reconnects;
    long connectErrors;
    long readErrors;
    long writeErrors;
    long timeouts;
    long unansweredAtEnd;
    final List<Long> rateSamples = new ArrayList<>();
    volatile Throwable failure;

    private long requestsInWindow;
    private long windowStart;
    private Selector selector;

    LoadWorker(InetSocketAddress address, byte[] request, int connections, long timeoutNanos, long endNanos,
               ResponseListener listener, Shared shared) {
        this.address = address;
        this.request = request;
        this.timeoutNanos = timeoutNanos;
        this.endNanos = endNanos;
        this.listener = listener;
        this.shared = shared;
        this.timeoutUs = Math.max(2, TimeUnit.NANOSECONDS.toMicros(timeoutNanos));
        this.latency = new Histogram(1, timeoutUs, 3);
        for (int i = 0; i < connections; i++) {
            slots.add(new Slot());
        }
    }

    SocketErrors errors() {
        return new SocketErrors(connectErrors, readErrors, writeErrors, timeouts);
    }

    void wakeup() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            selector = Selector.open();
            long now = System.nanoTime();
            windowStart = now;
            for (Slot slot : slots) {
                connect(slot, now);
            }
            long nextRateSample = now + RATE_INTERVAL_NANOS;
            while (!shared.stop.get() && (now = System.nanoTime()) < endNanos) {
                long wakeAt = Math.min(Math.min(nextRateSample, endNanos), earliestDeadline());
                long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wakeAt - now));
                selector.select(waitMs);
                handleSelectedKeys();
                now = System.nanoTime();
                handleDeadlines(now);
                if (now >= nextRateSample) {
                    sampleRate(now);
                    nextRateSample = now + RATE_INTERVAL_NANOS;
                }
            }
            countUnanswered(System.nanoTime());
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            for (Slot slot : slots) {
                closeQuietly(slot);
            }
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /**
     * Unlike wrk, a request still unanswered at the end, older than --timeout, counts as a timeout: a stack that
     * accepts connections and never answers must not look like a stack without errors.
     */
    private void countUnanswered(long now) {
        for (Slot slot : slots) {
            if (slot.state == State.IN_FLIGHT && now - slot.requestStart >= timeoutNanos) {
                timeouts++;
                unansweredAtEnd++;
            }
        }
    }

    private long earliestDeadline() {
        long earliest = Long.MAX_VALUE;
        for (Slot slot : slots) {
            earliest = Math.min(earliest, slot.deadline);
        }
        return earliest;
    }

    private void handleSelectedKeys() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            Slot slot = (Slot) key.attachment();
            if (!key.isValid() || slot.key != key) {
                continue;
            }
            if (key.isConnectable()) {
                finishConnect(slot);
            } else if (key.isWritable()) {
                writePending(slot);
            } else if (key.isReadable()) {
                read(slot);
            }
        }
    }

    private void handleDeadlines(long now) {
        for (Slot slot : slots) {
            if (now < slot.deadline) {
                continue;
            }
            switch (slot.state) {
                case WAITING_TO_CONNECT -> connect(slot, now);
                case CONNECTING -> connectFailed(slot, now);
                case IN_FLIGHT -> throw new IllegalStateException("a request in flight has no deadline");
            }
        }
    }

    private void connect(Slot slot, long now) {
        try {
            SocketChannel channel = SocketChannel.open();
            slot.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            slot.parser.reset();
            if (channel.connect(address)) {
                slot.key = channel.register(selector, 0, slot);
                connected(slot);
            } else {
                slot.key = channel.register(selector, SelectionKey.OP_CONNECT, slot);
                slot.state = State.CONNECTING;
                slot.deadline = now + timeoutNanos;
            }
        } catch (IOException e) {
            connectFailed(slot, now);
        }
    }

    private void finishConnect(Slot slot) {
        try {
            if (slot.channel.finishConnect()) {
                connected(slot);
            }
        } catch (IOException e) {
            connectFailed(slot, System.nanoTime());
        }
    }

    private void connectFailed(Slot slot, long now) {
        connectErrors++;
        shared.connectFailures.incrementAndGet();
        closeQuietly(slot);
        slot.state = State.WAITING_TO_CONNECT;
        slot.deadline = now + CONNECT_RETRY_NANOS;
    }

    private void connected(Slot slot) {
        shared.connected.incrementAndGet();
        sendRequest(slot);
    }

    private void sendRequest(Slot slot) {
        slot.state = State.IN_FLIGHT;
        slot.requestStart = System.nanoTime();
        // As wrk 4.2 (src/wrk.c, response_complete): a request slower than --timeout keeps its connection
        // and counts as a timeout when its answer comes. Dropping it would waste the server's work and show
        // a throughput collapse under overload that wrk does not show.
        slot.deadline = Long.MAX_VALUE;
        slot.pending = ByteBuffer.wrap(request);
        writePending(slot);
    }

    private void writePending(Slot slot) {
        try {
            slot.channel.write(slot.pending);
            slot.key.interestOps(slot.pending.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            writeErrors++;
            reconnect(slot, System.nanoTime());
        }
    }

    private void read(Slot slot) {
        try {
            int n;
            do {
                readBuffer.clear();
                n = slot.channel.read(readBuffer);
                if (n < 0) {
                    onEndOfStream(slot);
                    return;
                }
                bytes += n;
                slot.responded = false;
                slot.reconnectAfterResponse = false;
                slot.parser.feed(readBuffer.array(), 0, n, slot);
                if (slot.responded) {
                    if (slot.reconnectAfterResponse) {
                        reconnect(slot, System.nanoTime());
                    } else {
                        sendRequest(slot);
                    }
                    return;
                }
            } while (n == READ_BUFFER);
        } catch (IOException | HttpParseException e) {
            // wrk: a failed read or a response its parser rejects is a "read" error
            readErrors++;
            reconnect(slot, System.nanoTime());
        }
    }

    private void onEndOfStream(Slot slot) {
        slot.responded = false;
        boolean clean = slot.parser.endOfInput(slot);
        if (!clean) {
            readErrors++; // the response was cut short (wrk would reconnect without counting it)
        }
        reconnect(slot, System.nanoTime());
    }

    private void onResponseComplete(Slot slot, ResponseHead head) {
        long latencyUs = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - slot.requestStart);
        complete++;
        requestsInWindow++;
        if (head.status() > 399) {
            non2xx3xx++; // wrk's "Non-2xx or 3xx responses" counts status > 399
        }
        if (latencyUs >= timeoutUs) {
            timeouts++; // as wrk: too slow to record, counted as a timeout
        } else {
            latency.recordValue(latencyUs);
            maxLatencyUs = Math.max(maxLatencyUs, latencyUs);
        }
        if (listener != null) {
            listener.onResponse(head);
        }
        slot.responded = true;
        slot.reconnectAfterResponse |= !head.keepAlive();
    }

    private void reconnect(Slot slot, long now) {
        reconnects++;
        closeQuietly(slot);
        connect(slot, now);
    }

    /** wrk's record_rate: requests since the last sample, scaled to a second; no sample while idle. */
    private void sampleRate(long now) {
        if (requestsInWindow > 0) {
            long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(now - windowStart));
            rateSamples.add((long) (requestsInWindow / (double) elapsedMs * 1000));
            requestsInWindow = 0;
            windowStart = now;
        }
    }

    private static void closeQuietly(Slot slot) {
        if (slot.key != null) {
            slot.key.cancel();
            slot.key = null;
        }
        if (slot.channel != null) {
            try {
                slot.channel.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
            slot.channel = null;
        }
        slot.deadline = Long.MAX_VALUE;
    }
}
