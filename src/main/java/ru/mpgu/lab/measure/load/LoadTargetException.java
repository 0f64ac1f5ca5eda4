package ru.mpgu.lab.measure.load;

/** The run could not start (e.g. the host name does not resolve); message in Russian. */
public class LoadTargetException extends RuntimeException {

    public LoadTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
