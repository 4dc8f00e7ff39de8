package nl.zorgpad.notification;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the notification work in the background: right after a commit that recorded an event
 * (so a mail goes out within seconds), and periodically — dispatch and send every
 * {@code poll-interval} (retries, events a crashed node left), the overdue check every
 * {@code overdue-interval}, the digest check every few minutes. Its own single thread; nothing
 * runs inside a user's request or the engine's transaction. Every step is safe to run on
 * several nodes at once (claims), so each node of a cluster runs this.
 */
@Component
class NotificationWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
  private static final Duration DIGEST_CHECK = Duration.ofMinutes(5);

  private final NotificationProperties properties;
  private final ObjectProvider<NotificationDispatcher> dispatcher;
  private final ObjectProvider<OutboxSender> sender;
  private final ObjectProvider<OverdueCheck> overdue;
  private final ObjectProvider<DailyDigest> digest;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile ExecutorService wakeups;
  private volatile ThreadPoolTaskScheduler scheduler;

  NotificationWorker(
      NotificationProperties properties,
      ObjectProvider<NotificationDispatcher> dispatcher,
      ObjectProvider<OutboxSender> sender,
      ObjectProvider<OverdueCheck> overdue,
      ObjectProvider<DailyDigest> digest) {
    this.properties = properties;
    this.dispatcher = dispatcher;
    this.sender = sender;
    this.overdue = overdue;
    this.digest = digest;
  }

  /** After the current transaction commits (or now, without one): dispatch and send. */
  void wakeAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake();
            }
          });
    } else {
      wake();
    }
  }

  private void wake() {
    ExecutorService executor = wakeups;
    if (executor != null && wakeQueued.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              wakeQueued.set(false);
              round();
            });
      } catch (RuntimeException shuttingDown) {
        wakeQueued.set(false);
      }
    }
  }

  /** Dispatches waiting events and sends due mails, once; returns the number of mails sent. */
  synchronized int round() {
    try {
      dispatcher.getObject().dispatch();
      return sender.getObject().sendDue();
    } catch (RuntimeException e) {
      LOG.warn("Notification round failed: {}", e.toString());
      return 0;
    }
  }

  private void checkOverdue() {
    try {
      if (overdue.getObject().run() > 0) {
        round();
      }
    } catch (RuntimeException e) {
      LOG.warn("Overdue check failed: {}", e.toString());
    }
  }

  private void checkDigest() {
    try {
      if (digest.getObject().runIfDue() > 0) {
        round();
      }
    } catch (RuntimeException e) {
      LOG.warn("Digest failed: {}", e.toString());
    }
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    wakeups =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "zorgpad-notifications");
              thread.setDaemon(true);
              return thread;
            });
    if (properties.scheduling()) {
      ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
      tasks.setPoolSize(1);
      tasks.setThreadNamePrefix("zorgpad-notification-checks-");
      tasks.setDaemon(true);
      tasks.initialize();
      tasks.scheduleWithFixedDelay(this::round, properties.pollInterval());
      tasks.scheduleWithFixedDelay(this::checkOverdue, properties.overdueInterval());
      tasks.scheduleWithFixedDelay(this::checkDigest, DIGEST_CHECK);
      scheduler = tasks;
    }
    LOG.info(
        "Notifications on: mail from {} with links to {}", properties.from(), properties.baseUrl());
  }

  @Override
  public void stop() {
    ThreadPoolTaskScheduler tasks = scheduler;
    if (tasks != null) {
      tasks.shutdown();
      scheduler = null;
    }
    ExecutorService executor = wakeups;
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      wakeups = null;
    }
  }

  @Override
  public boolean isRunning() {
    return wakeups != null;
  }
}
