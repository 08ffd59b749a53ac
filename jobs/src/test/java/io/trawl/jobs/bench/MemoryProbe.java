package io.trawl.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap figures of this JVM: the highest heap in use when sampled, and the highest live heap (the
 * sum of every pool's usage right after a garbage collection), which is what grows if a driver
 * holds a listing. Listens to the JVM's GC notifications from {@link #start}.
 */
final class MemoryProbe {
  private final AtomicLong maxLiveAfterGc = new AtomicLong();
  private final AtomicLong gcs = new AtomicLong();

  static MemoryProbe start() {
    MemoryProbe p = new MemoryProbe();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, h) -> {
                if (!n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                  if (!e.getKey().contains("Metaspace")
                      && !e.getKey().contains("Code")
                      && !e.getKey().contains("Compressed")) {
                    used += e.getValue().getUsed();
                  }
                }
                p.gcs.incrementAndGet();
                p.maxLiveAfterGc.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
    return p;
  }

  /** Highest live heap after a GC so far, in MB. */
  double maxLiveMb() {
    return maxLiveAfterGc.get() / 1e6;
  }

  /** Highest heap used (any pool's peak, summed over heap pools), in MB. */
  static double peakHeapMb() {
    long sum = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1e6;
  }

  long collections() {
    return gcs.get();
  }
}
