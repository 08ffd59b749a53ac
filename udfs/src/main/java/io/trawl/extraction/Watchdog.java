package io.trawl.extraction;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs third-party parses (Tika, POI, PDFBox), which may loop without reading or writing, on a
 * worker thread with the object's deadline. On time-out the parse is interrupted and abandoned: the
 * worker is replaced, and the object's sink is closed so the old worker cannot write into later
 * results. One worker thread per extractor, created lazily.
 */
final class Watchdog implements AutoCloseable {
  private ExecutorService worker;

  void run(Callable<Void> parse, Deadline deadline) throws Exception {
    if (worker == null) {
      worker = newWorker();
    }
    Future<Void> future = worker.submit(parse);
    try {
      future.get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandon(future);
      throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, "parse abandoned");
    } catch (InterruptedException e) {
      abandon(future);
      Thread.currentThread().interrupt();
      throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof StackOverflowError) {
        throw ExtractionStop.file(StatusReason.MALFORMED_FILE, "parser recursion too deep");
      }
      throw (Error) cause;
    }
  }

  private void abandon(Future<Void> future) {
    future.cancel(true);
    worker.shutdownNow();
    worker = null;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "trawl-extraction-parse");
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdownNow();
      worker = null;
    }
  }
}
