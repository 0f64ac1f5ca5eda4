package ru.mpgu.lab.measure.load;

import ru.mpgu.lab.measure.http.ResponseHead;

/**
 * Sees every complete response of a load run. Called from the generator's worker threads,
 * concurrently: implementations must be thread-safe and fast (they run inside the load loop).
 */
@FunctionalInterface
public interface ResponseListener {

    void onResponse(ResponseHead head);

    /** False skips collecting header names and values (saves allocations when only status matters). */
    default boolean wantsHeaders() {
        return true;
    }
}
