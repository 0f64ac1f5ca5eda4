package ru.mpgu.lab.measure.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental HTTP/1.x response parser: feed it whatever a socket read returned, it calls back
 * once per complete response. Handles Content-Length, chunked bodies (with trailers), bodiless
 * statuses (1xx, 204, 304), bodies delimited by connection close, and keep-alive rules
 * (HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 closes unless "keep-alive").
 *
 * <p>Responses to GET only: no HEAD handling. Not thread-safe: one parser per connection.
 */
public final class HttpResponseParser {

    /** Receives each complete response. */
    @FunctionalInterface
    public interface Handler {
        void onResponse(ResponseHead head);
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private enum State { STATUS_LINE, HEADERS, BODY_LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, BODY_UNTIL_CLOSE }

    private final boolean collectHeaders;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;

    private State state = State.STATUS_LINE;
    private boolean started;
    private int status;
    private boolean http10;
    private boolean chunked;
    private long contentLength;
    private String connectionHeader;
    private int headerCount;
    private List<String[]> headers = new ArrayList<>();
    private long remaining;

    /** @param collectHeaders keep header names and values for the handler (costs allocations) */
    public HttpResponseParser(boolean collectHeaders) {
        this.collectHeaders = collectHeaders;
        reset();
    }

    /** True when no byte of a next response has arrived yet. */
    public boolean isIdle() {
        return !started;
    }

    /** Forgets any partial response, e.g. after a reconnect. */
    public void reset() {
        state = State.STATUS_LINE;
        started = false;
        lineLength = 0;
        status = 0;
        http10 = false;
        chunked = false;
        contentLength = -1;
        connectionHeader = null;
        headerCount = 0;
        headers = collectHeaders ? new ArrayList<>() : List.of();
        remaining = 0;
    }

    /** Parses {@code len} bytes from {@code buf} at {@code off}. */
    public void feed(byte[] buf, int off, int len, Handler handler) throws HttpParseException {
        int i = off;
        int end = off + len;
        while (i < end) {
            started = true;
            switch (state) {
                case BODY_LENGTH, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, end - i);
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        if (state == State.BODY_LENGTH) {
                            complete(handler);
                        } else {
                            state = State.CHUNK_DATA_END;
                        }
                    }
                }
                case BODY_UNTIL_CLOSE -> i = end; // the body ends when the server closes
                default -> {
                    byte b = buf[i++];
                    if (b == '\n') {
                        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
                        lineLength = 0;
                        onLine(text, handler);
                    } else {
                        if (lineLength == MAX_LINE) {
                            throw new HttpParseException("line longer than " + MAX_LINE + " bytes");
                        }
                        line[lineLength++] = b;
                    }
                }
            }
        }
    }

    /**
     * The peer closed the connection. Completes a body that runs until close; returns false
     * when a response was cut short (the caller decides how to count it).
     */
    public boolean endOfInput(Handler handler) {
        if (state == State.BODY_UNTIL_CLOSE) {
            complete(handler);
            return true;
        }
        return !started;
    }

    private void onLine(String text, Handler handler) throws HttpParseException {
        switch (state) {
            case STATUS_LINE -> parseStatusLine(text);
            case HEADERS -> {
                if (text.isEmpty()) {
                    endOfHeaders(handler);
                } else {
                    parseHeader(text);
                }
            }
            case CHUNK_SIZE -> {
                remaining = parseChunkSize(text);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_DATA_END -> {
                if (!text.isEmpty()) {
                    throw new HttpParseException("chunk data not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    complete(handler);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void parseStatusLine(String text) throws HttpParseException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing
        if (text.length() < 12 || !text.startsWith("HTTP/1.") || text.charAt(8) != ' ') {
            throw new HttpParseException("bad status line: " + abbreviate(text));
        }
        char minor = text.charAt(7);
        if (minor != '0' && minor != '1') {
            throw new HttpParseException("unsupported HTTP version: " + abbreviate(text));
        }
        int code = 0;
        for (int k = 9; k < 12; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                throw new HttpParseException("bad status code: " + abbreviate(text));
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100 || (text.length() > 12 && text.charAt(12) != ' ')) {
            throw new HttpParseException("bad status code: " + abbreviate(text));
        }
        status = code;
        http10 = minor == '0';
        state = State.HEADERS;
    }

    private void parseHeader(String text) throws HttpParseException {
        if (++headerCount > MAX_HEADERS) {
            throw new HttpParseException("more than " + MAX_HEADERS + " headers");
        }
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            return; // obsolete line folding: continuation of a header we do not interpret
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new HttpParseException("header without colon: " + abbreviate(text));
        }
        String name = text.substring(0, colon);
        String value = text.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Content-Length")) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed < 0 || (contentLength >= 0 && contentLength != parsed)) {
                    throw new NumberFormatException();
                }
                contentLength = parsed;
            } catch (NumberFormatException e) {
                throw new HttpParseException("bad Content-Length: " + abbreviate(value));
            }
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = value.toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
            connectionHeader = value.toLowerCase(java.util.Locale.ROOT);
        }
        if (collectHeaders) {
            headers.add(new String[] {name, value});
        }
    }

    private void endOfHeaders(Handler handler) {
        if (status < 200 && status != 101) {
            // interim response (100 Continue): the real one follows
            reset();
            started = true;
            return;
        }
        if (status == 204 || status == 304 || status == 101) {
            complete(handler);
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.BODY_LENGTH;
            if (remaining == 0) {
                complete(handler);
            }
        } else {
            state = State.BODY_UNTIL_CLOSE;
        }
    }

    private static long parseChunkSize(String text) throws HttpParseException {
        int semicolon = text.indexOf(';');
        String hex = (semicolon >= 0 ? text.substring(0, semicolon) : text).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new HttpParseException("bad chunk size: " + abbreviate(text));
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new HttpParseException("bad chunk size: " + abbreviate(text));
        }
    }

    private void complete(Handler handler) {
        boolean keepAlive = keepAlive();
        ResponseHead head = new ResponseHead(status, headers, keepAlive);
        reset();
        handler.onResponse(head);
    }

    private boolean keepAlive() {
        if (state == State.BODY_UNTIL_CLOSE || status == 101) {
            return false;
        }
        if (connectionHeader != null && connectionHeader.contains("close")) {
            return false;
        }
        if (http10) {
            return connectionHeader != null && connectionHeader.contains("keep-alive");
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
