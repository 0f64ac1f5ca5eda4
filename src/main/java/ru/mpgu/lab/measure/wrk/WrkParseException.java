package ru.mpgu.lab.measure.wrk;

/** Malformed wrk output; the message (in Russian) names the line and what was expected there. */
public class WrkParseException extends RuntimeException {

    private final int lineNumber;

    public WrkParseException(int lineNumber, String message) {
        super("Строка " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number in the parsed text. */
    public int lineNumber() {
        return lineNumber;
    }
}
