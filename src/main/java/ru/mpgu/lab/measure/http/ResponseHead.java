package ru.mpgu.lab.measure.http;

import java.util.List;

/**
 * Status and headers of one complete response. Headers are kept only when the caller asked for
 * them (see {@link HttpResponseParser}), otherwise the list is empty.
 */
public record ResponseHead(int status, List<String[]> headers, boolean keepAlive) {

    /** First value of a header, case-insensitive name; null when absent or not collected. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }
}
