package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.MetricsChecks;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;
import ru.mpgu.lab.rubric.Check;

@Order(3)
@DisplayName("Задание 3. Подключение метрик: http_requests_total в Prometheus и Grafana")
@ExtendWith(GradingExtension.class)
public class Task3MetricsTest {

    @Test
    @Order(1)
    @RubricCheck("metrics.prometheus_counter")
    @DisplayName("http_requests_total есть в Prometheus и растёт под нагрузкой")
    void requestCounterGrowsUnderLoad(LabRun lab, Check check) {
        expect(lab, MetricsChecks.counterGrowsUnderLoad(lab, check));
    }

    @Test
    @Order(2)
    @RubricCheck("metrics.dashboard_queries")
    @DisplayName("Готовый dashboard Grafana: каждая панель показывает данные")
    void dashboardPanelsShowData(LabRun lab, Check check) {
        expect(lab, MetricsChecks.dashboardPanelsHaveData(lab, check));
    }

    @Test
    @Order(3)
    @RubricCheck("metrics.screenshot_grafana")
    @DisplayName("Отчёт: скриншот графика запросов")
    void reportHasGrafanaScreenshot(LabRun lab, Check check) {
        expect(lab, ReportBasedChecks.grafanaScreenshot(lab, check));
    }

    @Test
    @Order(4)
    @RubricCheck("metrics.answer3")
    @DisplayName("Отчёт: почему график перестаёт расти?")
    void answersWhyTheGraphStopsGrowing(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 3));
    }
}
