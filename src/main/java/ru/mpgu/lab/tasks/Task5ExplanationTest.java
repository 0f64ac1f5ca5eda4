package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.EvidenceChecks;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;
import ru.mpgu.lab.report.ReportParser;

@Order(5)
@DisplayName("Задание 5. Почему увеличение числа Django-контейнеров не решает все проблемы системы?")
@ExtendWith(GradingExtension.class)
public class Task5ExplanationTest {

    @Test
    @Order(1)
    @RubricCheck("explanation.answer5")
    @DisplayName("Отчёт: почему больше реплик web не решает всех проблем системы")
    void explainsWhatMoreReplicasDoNotSolve(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 5));
    }

    @Test
    @Order(2)
    @RubricCheck("explanation.report_complete")
    @DisplayName("Отчёт заполнен целиком")
    void reportIsComplete(LabRun lab) {
        expect(lab, ReportBasedChecks.reportComplete(lab));
    }

    @Test
    @Order(3)
    @RubricCheck("explanation.db_evidence")
    @DisplayName("Отчёт: загрузка CPU базы данных при трёх репликах web")
    void reportShowsTheDatabaseLoad(LabRun lab) {
        expect(lab, EvidenceChecks.databaseAtItsLimit(lab));
    }

    @Test
    @Order(4)
    @RubricCheck("explanation.conclusion")
    @DisplayName("Отчёт: вывод по работе")
    void reportStatesTheConclusion(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, ReportParser.CONCLUSION));
    }
}
