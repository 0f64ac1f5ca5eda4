package ru.mpgu.lab.ocr;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the text on a picture. Tesseract in real use; tests count calls on a fake. */
public interface OcrEngine {

    /** False when the engine cannot run on this machine (then nobody asks it for text). */
    boolean available();

    /**
     * Everything besides the picture that changes the text read (engine version, language, preprocessing):
     * part of the cache key, so a cache never answers for other settings.
     */
    String parameters();

    String text(Path image) throws IOException;
}
