package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long {@code report.pdf} takes for the two demo reports: the first rendering in a fresh JVM (what one
 * {@code l2o demo} or {@code l2o audit --format pdf} pays, class loading and font parsing included), then repeated
 * renderings of the same report once warm. Run by {@code bench/pdf.sh}; prints figures, asserts nothing.
 */
public final class PdfRenderingBenchmark {
    private PdfRenderingBenchmark() {}

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PrintStream out = System.out;
        AuditReport northwind = Northwind.report();
        Path work = Files.createTempDirectory("l2o-pdf-bench");
        AuditReport brightwave = HubSpotDemo.report(work);
        measure(out, "northwind (first in this JVM)", northwind, 1);
        measure(out, "brightwave (second report)", brightwave, 1);
        measure(out, "northwind, warm", northwind, repeats);
        measure(out, "brightwave, warm", brightwave, repeats);
    }

    private static void measure(PrintStream out, String name, AuditReport report, int repeats) throws IOException {
        long[] millis = new long[repeats];
        long[] cpuMillis = new long[repeats];
        int bytes = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeats; i++) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            new PdfReportWriter().write(report, ReportContext.DEFAULT, pdf);
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            bytes = pdf.size();
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        // Wall time depends on what else the machine runs; the rendering thread's CPU time does much less.
        out.println(String.format(Locale.ROOT, "%-30s %2d run(s): wall median %5d ms (min %5d, max %5d), thread CPU median %5d ms, %,d bytes",
                name, repeats, millis[repeats / 2], millis[0], millis[repeats - 1], cpuMillis[repeats / 2], bytes));
    }
}
