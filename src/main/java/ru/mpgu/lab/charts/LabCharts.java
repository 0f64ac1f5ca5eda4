package ru.mpgu.lab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import ru.mpgu.lab.measure.docker.ContainerSample;
import ru.mpgu.lab.measure.docker.ContainerUsage;

/** The lab's charts, built with XChart; render them with {@link ChartFiles}. Labels are in Russian. */
public final class LabCharts {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private static final Color[] PALETTE = {
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};

    static {
        // charts are rendered on servers and in CI: never try to open a display
        System.setProperty("java.awt.headless", "true");
    }

    private LabCharts() {
    }

    /**
     * Latency against the number of connections, one line per setup (e.g. "1 реплика", "3 реплики").
     *
     * @param latencyMsByConnections series name to (connections to latency in ms)
     * @param latencyTitle           what the latency is, e.g. "Задержка p99, мс"
     */
    public static XYChart latencyVsConcurrency(Map<String, SortedMap<Integer, Double>> latencyMsByConnections,
                                               String latencyTitle) {
        return linesVsConcurrency("Задержка в зависимости от нагрузки", latencyTitle, latencyMsByConnections);
    }

    /**
     * Throughput against the number of connections, one line per setup (e.g. "1 реплика", "3 реплики").
     *
     * @param requestsPerSecByConnections series name to (connections to requests per second)
     */
    public static XYChart requestsVsConcurrency(Map<String, SortedMap<Integer, Double>> requestsPerSecByConnections) {
        XYChart chart = linesVsConcurrency("Пропускная способность в зависимости от нагрузки", "Запросов в секунду",
                requestsPerSecByConnections);
        chart.getStyler().setYAxisDecimalPattern("#0");
        return chart;
    }

    private static XYChart linesVsConcurrency(String title, String yTitle, Map<String, SortedMap<Integer, Double>> data) {
        XYChart chart = lines(title, "Одновременных соединений (wrk -c)", yTitle);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisDecimalPattern("#");
        for (Map.Entry<String, SortedMap<Integer, Double>> e : data.entrySet()) {
            List<Integer> x = new ArrayList<>(e.getValue().keySet());
            List<Double> y = new ArrayList<>(e.getValue().values());
            XYSeries series = chart.addSeries(e.getKey(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineWidth(2.5f);
        }
        return chart;
    }

    /** Throughput against the number of replicas, as bars. */
    public static CategoryChart requestsVsReplicas(SortedMap<Integer, Double> requestsPerSecByReplicas) {
        CategoryChart chart = bars("Пропускная способность и число реплик", "Реплик веб-приложения", "Запросов в секунду");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.getStyler().setYAxisMin(0.0);
        chart.addSeries("Запросов в секунду", new ArrayList<>(requestsPerSecByReplicas.keySet()).stream()
                .map(String::valueOf).toList(), new ArrayList<>(requestsPerSecByReplicas.values()));
        return chart;
    }

    /** Average and peak CPU of each container (100% = one core, as in `docker stats`). */
    public static CategoryChart cpuPerContainer(List<ContainerUsage> usage) {
        CategoryChart chart = bars("Загрузка CPU по контейнерам", "Контейнер (сервис#реплика)", "CPU, % одного ядра");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0");
        List<String> names = usage.stream().map(u -> u.container().label()).toList();
        chart.addSeries("Среднее", names, usage.stream().map(ContainerUsage::avgCpuPercent).toList());
        chart.addSeries("Пик", names, usage.stream().map(ContainerUsage::maxCpuPercent).toList());
        return chart;
    }

    /** CPU of each container over the run, one line per container. */
    public static XYChart cpuOverTime(List<ContainerSample> samples) {
        XYChart chart = lines("CPU контейнеров во время нагрузки", "Время от начала замера, с", "CPU, % одного ядра");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0");
        long start = samples.stream().mapToLong(ContainerSample::epochMillis).min().orElse(0);
        Map<String, List<ContainerSample>> byContainer = new LinkedHashMap<>();
        samples.stream()
                .sorted(java.util.Comparator.comparing((ContainerSample s) -> s.container().label())
                        .thenComparingLong(ContainerSample::epochMillis))
                .forEach(s -> byContainer.computeIfAbsent(s.container().label(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<ContainerSample>> e : byContainer.entrySet()) {
            List<Double> x = e.getValue().stream().map(s -> (s.epochMillis() - start) / 1000.0).toList();
            List<Double> y = e.getValue().stream().map(ContainerSample::cpuPercent).toList();
            XYSeries series = chart.addSeries(e.getKey(), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineWidth(2f);
        }
        return chart;
    }

    /**
     * Class-wide histogram of total points: one bar per whole-point bin (the last bin includes the maximum).
     *
     * @param totals one total per graded student
     * @param max    the rubric's maximum
     */
    public static CategoryChart totalsHistogram(List<Double> totals, double max) {
        int bins = Math.max(1, (int) Math.ceil(max));
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(b + "–" + (b + 1));
            counts.add(0);
        }
        for (double t : totals) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(t)));
            counts.set(b, counts.get(b) + 1);
        }
        CategoryChart chart = bars("Распределение итоговых баллов", "Баллы", "Студентов");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(1.0, counts.stream().mapToInt(Integer::intValue).max().orElse(1) + 1.0));
        chart.getStyler().setXAxisLabelRotation(0);
        chart.addSeries("Студентов", labels, counts);
        return chart;
    }

    /**
     * Requests/sec the grader measured for each student at 1 and 3 replicas; a missing figure is drawn as no bar.
     *
     * @param students labels in table order
     * @param rps1     per student, null when not measured
     * @param rps3     per student, null when not measured
     */
    public static CategoryChart requestsPerStudent(List<String> students, List<Double> rps1, List<Double> rps3) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(WIDTH, 60 * students.size() + 200)).height(HEIGHT)
                .title("Пропускная способность по студентам")
                .xAxisTitle("Студент")
                .yAxisTitle("Запросов в секунду")
                .build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.getStyler().setXAxisLabelRotation(students.size() > 6 ? 45 : 0);
        chart.getStyler().setOverlapped(false);
        List<String> labels = students.isEmpty() ? List.of("нет данных") : students;
        chart.addSeries("1 реплика", labels, students.isEmpty() ? List.of(0.0) : zeroForNull(rps1));
        chart.addSeries("3 реплики", labels, students.isEmpty() ? List.of(0.0) : zeroForNull(rps3));
        return chart;
    }

    private static List<Double> zeroForNull(List<Double> values) {
        return values.stream().map(v -> v == null ? 0.0 : v).toList();
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotBorderVisible(false);
        styler.setSeriesColors(PALETTE);
        // below the plot, so a legend never hides data
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAntiAlias(true);
        // axis numbers as a Russian reader writes them: 1 800 and 0,5, not 1,800 and 0.5
        styler.setLocale(RUSSIAN);
    }

    /** A styled, empty bar chart of the common size. */
    private static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    /** A styled, empty line chart of the common size. */
    private static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

}
