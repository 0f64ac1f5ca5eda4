package ru.mpgu.lab.demo;

/** The demo cannot go on (the target does not answer at all); the message is Russian. */
public class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }
}
