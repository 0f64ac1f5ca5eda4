package ru.mpgu.lab.measure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private final List<ResponseHead> responses = new ArrayList<>();
    private final HttpResponseParser parser = new HttpResponseParser(true);

    private void feed(String text) throws HttpParseException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(bytes, 0, bytes.length, responses::add);
    }

    /** Byte by byte: the parser must not depend on how reads split the stream. */
    private void feedBytewise(String text) throws HttpParseException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1, responses::add);
        }
    }

    @Test
    void contentLengthResponseWithHeaders() throws Exception {
        feedBytewise("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Served-By: web-2\r\n\r\nhello");

        assertThat(responses).hasSize(1);
        ResponseHead head = responses.get(0);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("x-served-by")).isEqualTo("web-2");
        assertThat(head.keepAlive()).isTrue();
        assertThat(parser.isIdle()).isTrue();
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() throws Exception {
        feedBytewise("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).keepAlive()).isTrue();
    }

    @Test
    void twoResponsesInOneRead() throws Exception {
        feed("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertThat(responses).extracting(ResponseHead::status).containsExactly(204, 404);
    }

    @Test
    void connectionCloseAndHttp10RulesForKeepAlive() throws Exception {
        feed("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        feed("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n");
        assertThat(responses).extracting(ResponseHead::keepAlive).containsExactly(false, false, true);
    }

    @Test
    void bodyUntilCloseCompletesAtEndOfInput() throws Exception {
        feed("HTTP/1.1 200 OK\r\n\r\nsome body");
        assertThat(responses).isEmpty();
        assertThat(parser.endOfInput(responses::add)).isTrue();
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).keepAlive()).isFalse();
    }

    @Test
    void truncatedResponseIsReportedAtEndOfInput() throws Exception {
        feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        assertThat(parser.endOfInput(responses::add)).isFalse();
        assertThat(responses).isEmpty();
    }

    @Test
    void interimContinueIsSkipped() throws Exception {
        feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        assertThat(responses).extracting(ResponseHead::status).containsExactly(201);
    }

    @Test
    void headersAreNotCollectedWhenNotWanted() throws Exception {
        HttpResponseParser lean = new HttpResponseParser(false);
        byte[] bytes = "HTTP/1.1 200 OK\r\nX-Served-By: a\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        lean.feed(bytes, 0, bytes.length, responses::add);
        assertThat(responses.get(0).header("X-Served-By")).isNull();
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> feed("GARBAGE\r\n\r\n")).isInstanceOf(HttpParseException.class)
                .hasMessageContaining("status line");
        parser.reset();
        assertThatThrownBy(() -> feed("HTTP/1.1 abc OK\r\n")).isInstanceOf(HttpParseException.class);
        parser.reset();
        assertThatThrownBy(() -> feed("HTTP/1.1 200 OK\r\nno colon here\r\n")).isInstanceOf(HttpParseException.class);
        parser.reset();
        assertThatThrownBy(() -> feed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")).isInstanceOf(HttpParseException.class);
        parser.reset();
        assertThatThrownBy(() -> feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .isInstanceOf(HttpParseException.class).hasMessageContaining("chunk size");
        parser.reset();
        assertThatThrownBy(() -> feed("HTTP/1.1 200 OK\r\n" + "X: " + "a".repeat(20_000)))
                .isInstanceOf(HttpParseException.class).hasMessageContaining("longer");
    }
}
