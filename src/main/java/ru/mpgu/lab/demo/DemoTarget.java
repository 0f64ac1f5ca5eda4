package ru.mpgu.lab.demo;

import java.net.URI;

/**
 * What the demo loads and scales: a stack booted by the demo, an already running one, or (in tests) an
 * in-process server. {@link #close()} releases whatever the target itself started.
 */
public interface DemoTarget extends AutoCloseable {

    /** The URL every load level hits. */
    URI url();

    /** Brings the web service to {@code replicas} replicas and returns once they can take traffic. */
    void scaleWeb(int replicas);

    /** One line for the terminal, e.g. "стенд, запущенный демо (http://localhost:49153/orders)". */
    String describe();

    @Override
    void close();
}
