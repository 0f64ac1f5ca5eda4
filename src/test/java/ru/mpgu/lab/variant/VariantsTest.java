package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsTest {

    /** The same vectors as app/orders/tests/test_variant.py: the app and the grader agree. */
    @Test
    void sharedVectorsWithTheApp() {
        String[][] vectors = {
                {"ivanov", "37", "V37-V3NC"}, {"2023001", "1", "V01-NVRP"}, {"Petrova.A@mpgu.su", "27", "V27-3VMD"},
                {" S-17 ", "13", "V13-JCJR"}, {"иванов", "12", "V12-AKRV"}};
        for (String[] v : vectors) {
            assertThat(Variants.numberForId(v[0])).as(v[0]).isEqualTo(Integer.parseInt(v[1]));
            assertThat(Variants.codeFor(v[0], Integer.parseInt(v[1]))).as(v[0]).isEqualTo(v[2]);
        }
    }

    @Test
    void everyVariantHasItsOwnSizeFarterApartThanTheReplicaAddressWindow() {
        Set<Long> sizes = new HashSet<>();
        for (int n = 1; n <= Variants.COUNT; n++) {
            sizes.add(Variants.responseBytes(n));
        }
        assertThat(sizes).hasSize(Variants.COUNT);
        assertThat(Variants.STEP_BYTES).isGreaterThan(WrkVariantCheck.ADDRESS_SHORTER + WrkVariantCheck.ADDRESS_LONGER);
    }

    @Test
    void codesAreCheckedAgainstTheId() {
        StudentVariant v = StudentVariant.of("ivanov", "v37-v3nc");
        assertThat(v.number()).isEqualTo(37);
        assertThat(v.code()).isEqualTo("V37-V3NC");
        assertThatThrownBy(() -> StudentVariant.of("petrov", "V37-V3NC")).hasMessageContaining("выдан не студенту");
        assertThatThrownBy(() -> StudentVariant.of("", "V99-AAAA")).hasMessageContaining("записан неверно");
    }

    @Test
    void envFileAsComposeReadsIt(@TempDir Path repo) throws Exception {
        assertThat(StudentVariant.fromRepo(repo)).isEmpty();
        Files.writeString(repo.resolve(".env"), "\uFEFF# мой вариант\nLAB_HTTP_PORT=8080\nLAB_STUDENT_ID=\"ivanov\"\nLAB_VARIANT=V37-V3NC\n");
        assertThat(StudentVariant.fromRepo(repo)).get().extracting(StudentVariant::code).isEqualTo("V37-V3NC");
        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=ivanov\n");
        assertThat(StudentVariant.fromRepo(repo)).get().extracting(StudentVariant::number).isEqualTo(37);
        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=petrov\nLAB_VARIANT=V37-V3NC\n");
        assertThatThrownBy(() -> StudentVariant.fromRepo(repo)).isInstanceOf(IllegalArgumentException.class);
    }
}
