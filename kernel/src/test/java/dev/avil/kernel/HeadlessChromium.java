package dev.avil.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Headless Debian Chromium, driven over the DevTools protocol with the JDK's own WebSocket client.
 *
 * <p>Every request a page makes is recorded from {@code Network.requestWillBeSent} (and {@code
 * Network.webSocketCreated}) events, so a page that tries to reach another machine is caught even
 * though the network is closed. As a second line, host name resolution is switched off for
 * everything but localhost, so no such request can actually leave.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Width of a tab's viewport in CSS pixels: a figure (760) and a notebook's margins fit. */
  static final int VIEWPORT_WIDTH = 1280;

  /**
   * Counts plotly plots, and those plotly actually drew (its SVG root is {@code .main-svg}); and
   * the toolkit's figures ({@code .avil-figure}), those with a drawn chart, and their static images
   * that are still on screen.
   */
  private static final String PLOT_STATUS =
      "JSON.stringify((() => {"
          + " const plots = Array.from(document.querySelectorAll('.plotly-graph-div, .js-plotly-plot'));"
          + " const figures = Array.from(document.querySelectorAll('.avil-figure'));"
          + " const shown = Array.from(document.querySelectorAll('.avil-figure .avil-static'))"
          + "   .filter(i => i.getClientRects().length > 0 && i.getBoundingClientRect().height > 0"
          + "     && getComputedStyle(i).visibility !== 'hidden');"
          + " return {plots: plots.length, rendered: plots.filter(p => p.querySelector('.main-svg')).length,"
          + "   figures: figures.length, figuresWithChart: figures.filter(f => f.querySelector('.main-svg')).length,"
          + "   staticImagesShown: shown.length};"
          + "})())";

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final Gson GSON = new Gson();

  /**
   * What a page did: requests it made, plots it has and drew, the toolkit's figures it has, those
   * with a drawn chart and those still showing their static image, and script errors it raised.
   */
  record PageReport(
      List<String> requests,
      int plots,
      int renderedPlots,
      int figures,
      int figuresWithChart,
      int staticImagesShown,
      List<String> scriptErrors) {

    /** Requests to another machine: http(s) or ws(s) to a host that is not this one. */
    List<String> externalRequests() {
      return requests.stream().filter(PageReport::isExternal).collect(Collectors.toList());
    }

    private static boolean isExternal(String url) {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        return true;
      }
      String scheme = String.valueOf(uri.getScheme()).toLowerCase();
      boolean network = Set.of("http", "https", "ws", "wss", "ftp").contains(scheme);
      return network && !LOCAL_HOSTS.contains(String.valueOf(uri.getHost()).toLowerCase());
    }
  }

  private final Process process;
  private final Path profile;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HeadlessChromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  /**
   * Starts Chromium with a fresh profile.
   *
   * @param log file that receives Chromium's own output
   * @throws AssertionError if Chromium is not installed or does not come up
   */
  static HeadlessChromium start(Path log) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new AssertionError("Chromium is missing: " + CHROMIUM + " (apt-get install chromium)");
    }
    Path profile = Files.createTempDirectory("avil-chromium-");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("Chromium did not start; see " + log);
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    return new HeadlessChromium(process, profile, port);
  }

  /**
   * Opens a local HTML file in a new tab, waits for its load event and for its plots to render (or
   * for {@code timeout}), then reports what the page did.
   */
  PageReport load(Path html, Duration timeout) throws Exception {
    try (Tab tab = open(html, true, timeout)) {
      return tab.report(timeout);
    }
  }

  /**
   * Opens a local HTML file in a new tab of {@link #VIEWPORT_WIDTH} CSS pixels, with or without
   * JavaScript, and waits for its load event. A tab that does not answer is closed and the page
   * opened once more in a fresh one: now and then Chromium starts a tab whose renderer never comes
   * up (its log then says the zygote could not be reached), which says nothing about the page.
   */
  Tab open(Path html, boolean javascript, Duration timeout) throws Exception {
    try {
      return openOnce(html, javascript, timeout);
    } catch (TimeoutException first) {
      System.err.println("Chromium: a tab did not answer (" + first + "); opening a fresh one");
      return openOnce(html, javascript, timeout);
    }
  }

  private Tab openOnce(Path html, boolean javascript, Duration timeout) throws Exception {
    HttpResponse<String> target =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject page = JsonParser.parseString(target.body()).getAsJsonObject();
    Session session = new Session();
    session.socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page.get("webSocketDebuggerUrl").getAsString()), session)
            .get(30, TimeUnit.SECONDS);
    Tab tab = new Tab(page.get("id").getAsString(), session);
    try {
      session.call("Network.enable", Map.of());
      session.call("Runtime.enable", Map.of());
      session.call("Page.enable", Map.of());
      session.call(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", VIEWPORT_WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
      if (!javascript) {
        session.call("Emulation.setScriptExecutionDisabled", Map.of("value", true));
      }
      session.call("Page.navigate", Map.of("url", html.toAbsolutePath().toUri().toString()));
      session.loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return tab;
    } catch (Exception | AssertionError e) {
      try {
        tab.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** One open page. DevTools still evaluates expressions where the page's own scripts are off. */
  final class Tab implements AutoCloseable {
    private final String id;
    private final Session session;

    private Tab(String id, Session session) {
      this.id = id;
      this.session = session;
    }

    /** Waits for the plots to render (or for {@code timeout}), then reports what the page did. */
    PageReport report(Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      JsonObject status;
      do {
        Thread.sleep(250);
        status = evaluate(PLOT_STATUS).getAsJsonObject();
      } while (status.get("rendered").getAsInt() < status.get("plots").getAsInt()
          && System.nanoTime() < deadline);
      Thread.sleep(500); // late requests, and the scripts that swap a figure's image for its chart
      status = evaluate(PLOT_STATUS).getAsJsonObject();
      return new PageReport(
          List.copyOf(session.requests),
          status.get("plots").getAsInt(),
          status.get("rendered").getAsInt(),
          status.get("figures").getAsInt(),
          status.get("figuresWithChart").getAsInt(),
          status.get("staticImagesShown").getAsInt(),
          List.copyOf(session.errors));
    }

    /** The value of a JavaScript expression that returns JSON text, parsed. */
    JsonElement evaluate(String expression) throws Exception {
      JsonObject result =
          session.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
      }
      return JsonParser.parseString(result.getAsJsonObject("result").get("value").getAsString());
    }

    /** A PNG of a region of the page, in CSS pixels from the page's top left corner. */
    byte[] screenshot(double x, double y, double width, double height) throws Exception {
      JsonObject shot =
          session.call(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1)));
      return Base64.getDecoder().decode(shot.get("data").getAsString());
    }

    @Override
    public void close() throws Exception {
      session.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/close/" + id))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  /**
   * Stops the browser and every process it started (its network service and renderers write into
   * the profile until they exit), then removes the profile.
   */
  @Override
  public void close() throws IOException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle p : all) {
        try {
          p.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          p.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      all.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
    // a file that vanishes while the walk runs is one less to delete
    Files.walkFileTree(
        profile,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path file, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e)
              throws IOException {
            if (e instanceof java.nio.file.NoSuchFileException) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e)
              throws IOException {
            Files.deleteIfExists(dir);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
  }

  /** One DevTools session: numbered calls and their replies, plus the events recorded. */
  private static final class Session implements WebSocket.Listener {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    JsonObject call(String method, Map<String, Object> params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      pending.put(id, reply);
      socket.sendText(GSON.toJson(Map.of("id", id, "method", method, "params", params)), true);
      JsonObject message = reply.get(60, TimeUnit.SECONDS);
      if (message.has("error")) {
        throw new IllegalStateException(method + ": " + message.get("error"));
      }
      return message.getAsJsonObject("result");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handle(JsonParser.parseString(partial.toString()).getAsJsonObject());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void handle(JsonObject message) {
      if (message.has("id")) {
        CompletableFuture<JsonObject> reply = pending.remove(message.get("id").getAsInt());
        if (reply != null) {
          reply.complete(message);
        }
        return;
      }
      JsonObject params = message.getAsJsonObject("params");
      switch (message.get("method").getAsString()) {
        case "Network.requestWillBeSent":
          requests.add(params.getAsJsonObject("request").get("url").getAsString());
          break;
        case "Network.webSocketCreated":
          requests.add(params.get("url").getAsString());
          break;
        case "Runtime.exceptionThrown":
          JsonObject details = params.getAsJsonObject("exceptionDetails");
          JsonObject exception = details.getAsJsonObject("exception");
          errors.add(
              exception != null && exception.has("description")
                  ? exception.get("description").getAsString()
                  : details.get("text").getAsString());
          break;
        case "Page.loadEventFired":
          loaded.complete(null);
          break;
        default:
          break;
      }
    }
  }
}
