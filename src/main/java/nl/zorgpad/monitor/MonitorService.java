package nl.zorgpad.monitor;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The monitor for a user and her filters; exports logged as EXPORT in the access log. */
@Service
class MonitorService {

  static final String PURPOSE = "statistics";

  private final MonitorScope scope;
  private final MonitorQuery query;
  private final MessageSource messages;
  private final AccessLog accessLog;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MonitorService(
      MonitorScope scope,
      MonitorQuery query,
      MessageSource messages,
      AccessLog accessLog,
      PlatformTransactionManager transactionManager) {
    this.scope = scope;
    this.query = query;
    this.messages = messages;
    this.accessLog = accessLog;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = query.clock();
  }

  MonitorScope.Filter filter(String user, String coalition, String from, String to, String wijk) {
    return scope.filter(user, coalition, from, to, wijk, MonitorQuery.currentMonth(clock));
  }

  Map<String, String> coalitions(String user) {
    return scope.coalitions(user);
  }

  MonitorView view(String user, MonitorScope.Filter filter) {
    MonitorReport report =
        transactions.execute(
            status -> query.report(filter.coalition(), filter.from(), filter.to(), filter.wijk()));
    String coalitionName =
        filter.coalition().isEmpty()
            ? messages.getMessage("monitor.coalition.shared", null, MonitorView.DUTCH)
            : scope.coalitions(user).getOrDefault(filter.coalition(), filter.coalition());
    return new MonitorView(report, coalitionName, scope.wijkNames(), messages);
  }

  /** Logs that aggregates left Zorgpad (CSV, PDF, JSON API): no case, no client. */
  void logExport(String objectType, MonitorScope.Filter filter) {
    String what =
        (filter.coalition().isEmpty() ? "shared" : filter.coalition())
            + " "
            + filter.from()
            + ".."
            + filter.to()
            + (filter.wijk() == null ? "" : " " + filter.wijk());
    transactions.executeWithoutResult(
        status ->
            accessLog.record(
                new AccessEvent(
                    null,
                    null,
                    objectType,
                    what.length() > 60 ? what.substring(0, 60) : what,
                    AccessAction.EXPORT,
                    AccessOutcome.ALLOWED,
                    PURPOSE,
                    null,
                    false,
                    "monitor aggregates, suppressed")));
  }

  YearMonth now() {
    return MonitorQuery.currentMonth(clock);
  }
}
