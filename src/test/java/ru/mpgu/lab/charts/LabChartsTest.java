package ru.mpgu.lab.charts;

import static ru.mpgu.lab.testing.PngInk.distinctColours;
import static ru.mpgu.lab.testing.PngInk.nonWhiteShare;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

import ru.mpgu.lab.measure.docker.ContainerRef;
import ru.mpgu.lab.measure.docker.ContainerSample;
import ru.mpgu.lab.measure.docker.ContainerUsage;

class LabChartsTest {

    /** Sample data shaped like a real lab run; also used to render /tmp/chart-samples. */
    static Map<String, Chart<?, ?>> sampleCharts() {
        Map<String, SortedMap<Integer, Double>> latency = new LinkedHashMap<>();
        latency.put("1 реплика", new TreeMap<>(Map.of(10, 22.0, 30, 61.0, 60, 140.0, 100, 260.0)));
        latency.put("3 реплики", new TreeMap<>(Map.of(10, 9.0, 30, 19.0, 60, 42.0, 100, 75.0)));
        SortedMap<Integer, Double> rps = new TreeMap<>(Map.of(1, 480.0, 2, 910.0, 3, 1290.0));
        List<ContainerSample> samples = new ArrayList<>();
        ContainerRef[] refs = {new ContainerRef("a", "lab-web-1", "web", 1), new ContainerRef("b", "lab-web-2", "web", 2),
                new ContainerRef("c", "lab-web-3", "web", 3), new ContainerRef("d", "lab-nginx-1", "nginx", 1)};
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < refs.length; k++) {
                double cpu = k == 3 ? 12 + i % 3 : 60 + 25 * Math.sin(i / 3.0 + k) + k * 5;
                samples.add(new ContainerSample(refs[k], 1_700_000_000_000L + i * 1000L, cpu, 90_000_000, 1L << 30));
            }
        }
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        charts.put("latency-vs-concurrency", LabCharts.latencyVsConcurrency(latency, "Задержка p99, мс"));
        charts.put("rps-vs-replicas", LabCharts.requestsVsReplicas(rps));
        Map<String, SortedMap<Integer, Double>> rpsByConnections = new LinkedHashMap<>();
        rpsByConnections.put("1 реплика", new TreeMap<>(Map.of(1, 95.0, 10, 430.0, 30, 470.0, 60, 455.0)));
        rpsByConnections.put("3 реплики", new TreeMap<>(Map.of(1, 98.0, 10, 610.0, 30, 760.0, 60, 770.0)));
        charts.put("rps-vs-concurrency", LabCharts.requestsVsConcurrency(rpsByConnections));
        charts.put("cpu-per-container", LabCharts.cpuPerContainer(ContainerUsage.summarize(samples)));
        charts.put("cpu-over-time", LabCharts.cpuOverTime(samples));
        return charts;
    }

    @Test
    void everyChartRendersToANonBlankPngOfTheExpectedSize(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, Chart<?, ?>> e : sampleCharts().entrySet()) {
            Path png = ChartFiles.png(e.getValue(), dir.resolve(e.getKey() + ".png"));

            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(e.getKey()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(LabCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(LabCharts.HEIGHT);
            assertThat(distinctColours(image)).as(e.getKey() + " colours").isGreaterThan(20);
            assertThat(nonWhiteShare(image)).as(e.getKey() + " ink").isBetween(0.02, 0.6);
            // the axes' numbers are Russian: 1 800, 0,5 (XChart formats them with this locale)
            assertThat(((AxesChartStyler) e.getValue().getStyler()).getLocale()).as(e.getKey() + " locale").isEqualTo(LabCharts.RUSSIAN);
        }
    }

    @Test
    void svgIsAVectorDocumentOfTheChartSize(@TempDir Path dir) throws IOException {
        Path svg = ChartFiles.svg(sampleCharts().get("rps-vs-replicas"), dir.resolve("rps.svg"));
        String text = Files.readString(svg);
        // XChart draws text as outlines, so labels show up as many <path> elements, not <text>
        assertThat(text).startsWith("<?xml").contains("<svg").contains("viewBox=\"0 0 900 560\"");
        assertThat(text.split("<path", -1).length).isGreaterThan(20);
    }

    @Test
    void anEmptyChartIsNearlyBlank(@TempDir Path dir) throws IOException {
        // guards the ink measure above: a chart without data has far less of it
        BufferedImage image = ImageIO.read(ChartFiles.png(
                LabCharts.latencyVsConcurrency(Map.of("x", new TreeMap<>(Map.of(1, 1.0))), "мс"), dir.resolve("e.png")).toFile());
        BufferedImage full = ImageIO.read(ChartFiles.png(sampleCharts().get("cpu-over-time"), dir.resolve("f.png")).toFile());
        assertThat(nonWhiteShare(image)).isLessThan(nonWhiteShare(full));
    }

    /** Not a test: renders the samples for a person to look at. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/chart-samples");
        for (Map.Entry<String, Chart<?, ?>> e : sampleCharts().entrySet()) {
            ChartFiles.png(e.getValue(), dir.resolve(e.getKey() + ".png"));
            ChartFiles.svg(e.getValue(), dir.resolve(e.getKey() + ".svg"));
        }
    }
}
