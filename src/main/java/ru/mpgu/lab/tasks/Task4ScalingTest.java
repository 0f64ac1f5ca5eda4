package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.checks.ScalingChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;
import ru.mpgu.lab.rubric.Check;

@Order(4)
@DisplayName("Задание 4. Масштабирование Django: docker compose up --scale web=3")
@ExtendWith(GradingExtension.class)
public class Task4ScalingTest {

    @Test
    @Order(1)
    @RubricCheck("scaling.balanced")
    @DisplayName("nginx распределяет запросы по трём репликам web")
    void nginxSpreadsRequestsOverThreeReplicas(LabRun lab, Check check) {
        expect(lab, ScalingChecks.requestsSpreadOverReplicas(lab, check));
    }

    @Test
    @Order(2)
    @RubricCheck("scaling.prometheus_targets")
    @DisplayName("Prometheus видит три реплики web")
    void prometheusSeesThreeReplicas(LabRun lab, Check check) {
        expect(lab, ScalingChecks.prometheusSeesReplicas(lab, check));
    }

    @Test
    @Order(3)
    @RubricCheck("scaling.wrk_second_run")
    @DisplayName("Отчёт: повторная нагрузка на трёх репликах и сравнение")
    void reportHasTheSecondRun(LabRun lab, Check check) {
        expect(lab, ScalingChecks.secondRunReported(lab, check));
    }

    @Test
    @Order(4)
    @RubricCheck("scaling.answer4")
    @DisplayName("Отчёт: что изменилось и почему?")
    void answersWhatChanged(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 4));
    }
}
