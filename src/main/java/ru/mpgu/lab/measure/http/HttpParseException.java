package ru.mpgu.lab.measure.http;

/** The server sent something that is not an HTTP/1.x response; wrk counts it as a read error. */
public class HttpParseException extends Exception {

    public HttpParseException(String message) {
        super(message);
    }
}
