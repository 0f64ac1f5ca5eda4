package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScreenshotCodeTest {

    static final Path SHOTS = Path.of("src/test/resources/variant");
    /** Headless Chromium screenshots of a running lab stack's /orders: LAB_STUDENT_ID=ivanov and =petrov. */
    static final StudentVariant IVANOV = StudentVariant.forId("ivanov");

    @Test
    void codesSurviveTypicalOcrSlips() {
        assertThat(ScreenshotCode.codesIn("{\"variant\": \"V37-V3NC\", \"count\": 20")).containsExactly("V37-V3NC");
        assertThat(ScreenshotCode.codesIn("variant\": \"V3O — V3NC\"")).containsExactly("V30-V3NC");
        assertThat(ScreenshotCode.codesIn("pad-pad-pad-PAD-pad-")).isEmpty();
        assertThat(ScreenshotCode.sameCode("V37-V3MC", "V37-V3NC")).isTrue();
        assertThat(ScreenshotCode.sameCode("V36-V3NC", "V37-V3NC")).isFalse();
    }

    @Test
    void ownNeighboursAndUnrelatedPicturesOnTheTeachersSide() {
        assumeThat(ScreenshotCode.engineInstalled()).as("tesseract installed").isTrue();
        assertThat(IVANOV.code()).isEqualTo("V37-V3NC");
        assertThat(ScreenshotCode.read(SHOTS.resolve("orders-ivanov.png"), IVANOV).kind()).isEqualTo(ScreenshotCode.Kind.OWN_CODE);
        ScreenshotCode.Reading neighbour = ScreenshotCode.read(SHOTS.resolve("orders-petrov.png"), IVANOV);
        assertThat(neighbour.kind()).isEqualTo(ScreenshotCode.Kind.OTHER_CODE);
        assertThat(neighbour.codes()).containsExactly(StudentVariant.forId("petrov").code());
        assertThat(ScreenshotCode.read(SHOTS.resolve("unrelated.png"), IVANOV).kind()).isEqualTo(ScreenshotCode.Kind.NO_CODE);
    }
}
