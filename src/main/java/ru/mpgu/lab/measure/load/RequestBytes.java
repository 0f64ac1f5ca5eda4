package ru.mpgu.lab.measure.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The fixed request every connection repeats, built as wrk does (wrk.lua's wrk.format). */
final class RequestBytes {

    private RequestBytes() {
    }

    static byte[] build(LoadConfig config) {
        URI uri = config.target();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
        boolean hostGiven = config.headers().stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
        if (!hostGiven) {
            request.append("Host: ").append(uri.getHost());
            if (uri.getPort() != -1) {
                request.append(':').append(uri.getPort());
            }
            request.append("\r\n");
        }
        for (String header : config.headers()) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
