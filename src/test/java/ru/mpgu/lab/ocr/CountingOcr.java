package ru.mpgu.lab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake OCR engine: the picture's bytes as text, every call counted; no tesseract needed. */
public final class CountingOcr implements OcrEngine {

    public final AtomicInteger calls = new AtomicInteger();
    private final String parameters;
    private volatile long delayMillis;
    private volatile int failuresLeft;

    public CountingOcr(String parameters) {
        this.parameters = parameters;
    }

    /** Each reading takes this long (to make concurrent readers meet). */
    public CountingOcr slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The next {@code n} readings fail. */
    public CountingOcr failing(int n) {
        this.failuresLeft = n;
        return this;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String parameters() {
        return parameters;
    }

    @Override
    public String text(Path image) throws IOException {
        calls.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("прервано");
            }
        }
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IOException("tesseract не уложился в 60 с");
            }
        }
        return Files.readString(image);
    }
}
