package nl.zorgpad.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.zorgpad.modelpolicy.HostileModels;
import nl.zorgpad.support.SourceAddressHttp;

/**
 * One row of {@link HostileInputIT}'s table: which door, what kind of hostility, who sends it
 * from where, the request, and what must come back. Built fluently by {@link HostileProbes}.
 *
 * <p>Placeholders in the path and body, resolved just before the probe is sent (before the
 * state is counted): {@code %case} a demo case number; {@code %task.label} the id of a fresh
 * consent task (one per label; a label starting with {@code dordrecht} is a case of the
 * Dordrecht coalition); {@code %instance.label} and {@code %caseof.label} its process instance
 * and case number; {@code %definition} the shared main pathway's definition id;
 * {@code %unknown} an id that exists nowhere.
 */
final class HostileProbe {

  /** Where the probe knocks. */
  enum Door {
    /** Zorgpad's own API, {@code /api/**}. */
    API,
    /** Zorgpad's pages and their form posts (case pages, audit, sociale kaart, noodprocedure). */
    PAGES,
    /** The workbench: its pages and {@code /modeling/api/**}. */
    WORKBENCH,
    /** Camunda's REST API, {@code /engine-rest}. */
    ENGINE_REST,
    /** The Tasklist's and Cockpit's engine API, {@code /camunda/api/**}. */
    WEBAPP_API
  }

  /** What is hostile about it. */
  enum Kind {
    MALFORMED_JSON,
    WRONG_TYPE,
    TOO_LARGE,
    CONTROL_CHARACTERS,
    EXPRESSION,
    SQL,
    PATH_TRICK,
    XML_ENTITIES,
    CODE_RUNNING_MODEL,
    EXTRA_VARIABLES,
    RACE,
    OTHER_COALITION,
    UNKNOWN_ID,
    NO_CSRF_TOKEN,
    LOGIN
  }

  /** Who sends a probe. */
  record Who(String basic, String sessionUser, boolean webapp) {

    static Who anonymous() {
      return new Who(null, null, false);
    }

    /** HTTP Basic, "user:password". */
    static Who basic(String credentials) {
      return new Who(credentials, null, false);
    }

    /** A browser session after Zorgpad's login form (password "demo"), with its CSRF token. */
    static Who session(String user) {
      return new Who(null, user, false);
    }

    /**
     * The Tasklist's way in to {@code /camunda/api/**}: HTTP Basic "user:password", the
     * session cookie and Camunda's CSRF token ({@code X-XSRF-TOKEN}).
     */
    static Who webapp(String credentials) {
      return new Who(credentials, null, true);
    }
  }

  final Door door;
  final Kind kind;
  final String name;
  final Who who;
  String source = "127.0.0.1";
  String method = "GET";
  String path;
  String contentType;
  byte[] body;
  String form;
  final List<String> headers = new ArrayList<>();
  boolean csrfHeader;
  boolean withoutCsrf;
  boolean chunked;
  int concurrent = 1;
  Consumer<SourceAddressHttp> before;
  Integer status;
  String sees;

  /** Tables whose change is the right outcome (e.g. a refused access recorded in the log). */
  final List<String> allowedChanges = new ArrayList<>();

  HostileProbe(Door door, Kind kind, String name, Who who) {
    this.door = door;
    this.kind = kind;
    this.name = name;
    this.who = who;
  }

  HostileProbe get(String path, String... headers) {
    this.method = "GET";
    this.path = path;
    this.headers.addAll(List.of(headers));
    return this;
  }

  /** A form post; {@code form} is URL-encoded already (with a session, its CSRF token is added). */
  HostileProbe post(String path, String form) {
    this.method = "POST";
    this.path = path;
    this.form = form;
    this.contentType = "application/x-www-form-urlencoded";
    return this;
  }

  HostileProbe json(String method, String path, String json) {
    this.method = method;
    this.path = path;
    this.body = json.getBytes(StandardCharsets.UTF_8);
    this.contentType = "application/json";
    headers.add("Accept: application/json");
    return this;
  }

  HostileProbe send(String method, String path, String contentType, String body) {
    this.method = method;
    this.path = path;
    this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    this.contentType = contentType;
    return this;
  }

  HostileProbe multipart(String path, String field, String fileName, String content) {
    return multipart(path, List.of(), field, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A deployment as {@code POST …/deployment/create} takes it: a name and the model file. */
  HostileProbe deployment(String path, HostileModels.Hostile model) {
    return multipart(
        path,
        List.of("deployment-name", model.name()),
        "data",
        model.resource().substring(model.resource().lastIndexOf('/') + 1),
        model.content());
  }

  private HostileProbe multipart(
      String path, List<String> field, String fileField, String fileName, byte[] content) {
    String boundary = "zorgpad-probe";
    StringBuilder head = new StringBuilder();
    if (!field.isEmpty()) {
      head.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field.get(0))
          .append("\"\r\n\r\n")
          .append(field.get(1))
          .append("\r\n");
    }
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + content.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(content, 0, all, start.length, content.length);
    System.arraycopy(end, 0, all, start.length + content.length, end.length);
    this.method = "POST";
    this.path = path;
    this.contentType = "multipart/form-data; boundary=" + boundary;
    this.body = all;
    return this;
  }

  /** {@code X-CSRF-TOKEN} of the session (the workbench's XHR calls). */
  HostileProbe withCsrfHeader() {
    this.csrfHeader = true;
    return this;
  }

  /** Leaves the session's CSRF token out (form field, {@code X-CSRF-TOKEN}, {@code X-XSRF-TOKEN}). */
  HostileProbe withoutCsrfToken() {
    this.withoutCsrf = true;
    return this;
  }

  /** The body without a declared length ({@code Transfer-Encoding: chunked}). */
  HostileProbe chunked() {
    this.chunked = true;
    return this;
  }

  /**
   * Sends the same request {@code times} times at the same moment: exactly one may succeed
   * (2xx), every other answer must be the probe's refusal. The winner's change of state is the
   * one expected.
   */
  HostileProbe concurrently(int times) {
    this.concurrent = times;
    return this;
  }

  /** The loopback address it comes from (default 127.0.0.1, the tests' trusted proxy). */
  HostileProbe from(String address) {
    this.source = address;
    return this;
  }

  /** Something to do first (not counted as the probe's change of state). */
  HostileProbe before(Consumer<SourceAddressHttp> setUp) {
    this.before = setUp;
    return this;
  }

  HostileProbe status(int status) {
    this.status = status;
    return this;
  }

  /** The Dutch text the user reads (a JSON answer: its userMessage). */
  HostileProbe sees(String text) {
    this.sees = text;
    return this;
  }

  /** A table whose change is right (named in the row, so it is a decision, not an accident). */
  HostileProbe changes(String table) {
    this.allowedChanges.add(table);
    return this;
  }

  String displayName() {
    return door + " / " + kind + ": " + name;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
