package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;

@Order(5)
@DisplayName("Задание 5. Почему увеличение числа Django-контейнеров не решает все проблемы системы?")
@ExtendWith(GradingExtension.class)
public class Task5ExplanationTest {

    @Test
    @Order(1)
    @RubricCheck("explanation.answer5")
    @DisplayName("Отчёт: единственная база данных остаётся узким местом")
    void namesTheSingleDatabaseAsTheBottleneck(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 5));
    }

    @Test
    @Order(2)
    @RubricCheck("explanation.report_complete")
    @DisplayName("Отчёт заполнен целиком")
    void reportIsComplete(LabRun lab) {
        expect(lab, ReportBasedChecks.reportComplete(lab));
    }
}
