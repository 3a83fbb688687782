package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chat panel's files as the browser gets them: served at {@code /} with the security headers,
 * and written so the strict Content-Security-Policy holds (no inline script or style) and record
 * text cannot become markup (no HTML-parsing DOM calls). The browser test drives the behaviour.
 */
class ChatPanelFilesTest {

  private static final List<String> MODULES =
      List.of(
          "app.js",
          "api.js",
          "render.js",
          "markdown.js",
          "integrations.js",
          "dom.js",
          "sync.js",
          "monitoring.js",
          "conflicts.js",
          "chart.js");
  private static final Pattern IMPORT = Pattern.compile("from\\s+'([^']+)'");

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void thePanelIsServedAtTheRootWithTheSecurityHeaders() {
    HttpResponse<String> page = server.get("/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    HttpEdgeTest.assertSecurityHeaders(page);
    assertThat(server.get("/index.html", null).body()).isEqualTo(page.body());
  }

  @Test
  void everyFileThePageNeedsIsServedWithItsType() {
    Document page = Jsoup.parse(server.get("/", null).body());
    List<String> assets =
        page.select("script[src], link[href], img[src]").stream()
            .map(e -> e.hasAttr("src") ? e.attr("src") : e.attr("href"))
            .toList();
    assertThat(assets).contains("app.js", "styles.css", "favicon.svg");

    for (String asset : assets) {
      HttpResponse<String> response = server.get("/" + asset, null);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      HttpEdgeTest.assertSecurityHeaders(response);
    }
    for (String module : MODULES) {
      HttpResponse<String> response = server.get("/" + module, null);
      assertThat(response.statusCode()).as(module).isEqualTo(200);
      // With nosniff, a browser runs a module only when it is served as JavaScript.
      assertThat(response.headers().firstValue("Content-Type"))
          .as(module)
          .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
      Matcher imports = IMPORT.matcher(response.body());
      while (imports.find()) {
        assertThat(imports.group(1)).as(module + " imports").matches("\\./[a-z]+\\.js");
        assertThat(server.get("/" + imports.group(1).substring(2), null).statusCode())
            .isEqualTo(200);
      }
    }
    assertThat(server.get("/styles.css", null).headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }

  @Test
  void thePageHoldsNothingTheContentSecurityPolicyWouldBlock() {
    Document page = Jsoup.parse(server.get("/", null).body());

    for (Element script : page.select("script")) {
      assertThat(script.attr("src")).as("every script is a file").isNotBlank();
      assertThat(script.data()).as("no inline script").isBlank();
      assertThat(script.attr("type")).isEqualTo("module");
    }
    assertThat(page.select("style")).as("no inline style element").isEmpty();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey())
            .as("inline handler on " + element.tagName())
            .doesNotStartWith("on");
        assertThat(attribute.getKey())
            .as("inline style on " + element.tagName())
            .isNotEqualTo("style");
        assertThat(attribute.getValue().toLowerCase()).doesNotContain("javascript:");
      }
    }
  }

  @Test
  void theScriptsNeverParseTextAsHtml() {
    for (String module : MODULES) {
      String source = server.get("/" + module, null).body();
      assertThat(source)
          .as(module)
          .doesNotContain(
              "innerHTML",
              "outerHTML",
              "insertAdjacentHTML",
              "document.write",
              "eval(",
              "new Function",
              "createContextualFragment",
              "DOMParser");
    }
  }

  @Test
  void theKeyElementsCarryStableTestIds() {
    Document page = Jsoup.parse(server.get("/", null).body());
    for (String id :
        List.of(
            "login-key",
            "login-submit",
            "login-error",
            "message-list",
            "message-input",
            "send-button",
            "org-badge",
            "org-switcher",
            "sign-out",
            "thinking",
            "settings-button",
            "integrations-view",
            "add-org-button",
            "connect-form",
            "environment-production",
            "environment-sandbox",
            "login-custom",
            "login-url",
            "org-name",
            "client-id",
            "client-secret",
            "authorize-button",
            "connect-error",
            "verification-card",
            "card-org",
            "card-edition",
            "card-user",
            "card-status",
            "card-last-sync")) {
      assertThat(page.select("[data-testid=" + id + "]")).as(id).hasSize(1);
    }
    assertThat(page.selectFirst("[data-testid=message-list]").attr("aria-live"))
        .isEqualTo("polite");
    assertThat(page.selectFirst("label[for=message-input]")).isNotNull();
    assertThat(page.selectFirst("label[for=api-key]")).isNotNull();
    assertThat(page.selectFirst("label[for=org-select]")).isNotNull();
    for (String input : List.of("org-name", "client-id", "client-secret")) {
      assertThat(page.selectFirst("label[for=" + input + "]")).as(input).isNotNull();
    }

    String render = server.get("/render.js", null).body();
    assertThat(render)
        .contains("'data-testid': 'confirm-button'", "'data-testid': 'cancel-button'")
        .contains("'data-testid': 'tool-call'", "'data-testid': 'message'");
  }
}
