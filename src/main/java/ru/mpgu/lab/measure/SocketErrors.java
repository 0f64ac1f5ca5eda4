package ru.mpgu.lab.measure;

/** wrk's socket error counters; a parser failure on a response counts as {@code read}, as in wrk. */
public record SocketErrors(long connect, long read, long write, long timeout) {

    public static final SocketErrors NONE = new SocketErrors(0, 0, 0, 0);

    public boolean any() {
        return connect + read + write + timeout > 0;
    }

    public long total() {
        return connect + read + write + timeout;
    }

    public SocketErrors plus(SocketErrors other) {
        return new SocketErrors(connect + other.connect, read + other.read,
                write + other.write, timeout + other.timeout);
    }
}
