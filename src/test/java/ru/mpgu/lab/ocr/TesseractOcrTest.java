package ru.mpgu.lab.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tesseract runs at the lowest CPU priority where {@code nice} exists, plainly elsewhere. */
class TesseractOcrTest {

    @Test
    void tesseractRunsUnderNiceWhenNiceIsThere() {
        List<String> plain = List.of("tesseract", "/tmp/x.png", "stdout", "-l", "eng");
        assertThat(TesseractOcr.command(plain, true)).containsExactly("nice", "-n", "19", "tesseract", "/tmp/x.png", "stdout",
                "-l", "eng");
        assertThat(TesseractOcr.command(plain, false)).isEqualTo(plain);
    }

    @Test
    void niceIsLookedForOnPathAndNeverOnWindows(@TempDir Path tmp) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String path = empty + File.pathSeparator + bin;
        assertThat(TesseractOcr.onPath("nice", path, "Linux")).isFalse();
        Path nice = Files.writeString(bin.resolve("nice"), "#!/bin/sh\nexec \"$@\"\n");
        assertThat(TesseractOcr.onPath("nice", path, "Linux")).as("not executable yet").isFalse();
        Files.setPosixFilePermissions(nice, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(TesseractOcr.onPath("nice", path, "Linux")).isTrue();
        assertThat(TesseractOcr.onPath("nice", path, "Mac OS X")).isTrue();
        assertThat(TesseractOcr.onPath("nice", path, "Windows 11")).isFalse();
        assertThat(TesseractOcr.onPath("nice", null, "Linux")).isFalse();
        Files.createDirectories(empty.resolve("nice"));
        assertThat(TesseractOcr.onPath("nice", empty.toString(), "Linux")).as("a folder is no program").isFalse();
    }

    @Test
    void aMissingBinaryIsNoEngine() {
        TesseractOcr missing = new TesseractOcr("/nonexistent/tesseract-" + System.nanoTime());
        assertThat(missing.available()).isFalse();
        assertThat(missing.parameters()).contains("-l eng");
    }
}
