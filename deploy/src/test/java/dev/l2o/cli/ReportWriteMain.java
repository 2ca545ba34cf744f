package dev.l2o.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@code ReportCrashIT} kills: writes a large report file through {@link ReportOutput#writeReport}
 * and prints {@code WROTE <megabytes>} after each megabyte; after the last it waits to be killed.
 *
 * <p>Arguments: the {@code --out} folder, the report file, megabytes to write.
 */
public final class ReportWriteMain {
    private ReportWriteMain() {}

    public static void main(String[] args) {
        byte[] megabyte = new byte[1 << 20];
        Arrays.fill(megabyte, (byte) 'x');
        int megabytes = Integer.parseInt(args[2]);
        ReportOutput.writeReport(Path.of(args[0]), Path.of(args[1]), out -> {
            try {
                for (int written = 1; written <= megabytes; written++) {
                    out.write(megabyte);
                    out.flush();
                    System.out.println("WROTE " + written);
                    System.out.flush();
                }
                new CountDownLatch(1).await();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
