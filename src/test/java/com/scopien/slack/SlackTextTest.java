package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void markdownBecomesSlackMrkdwn() {
    String out =
        SlackText.fromMarkdown(
            "## Result\n**Acme Corp Deal** is *open*; see [the record](https://x.test/a?b=1&c=2)"
                + " and `Custom_Field__c`\n- first\n- ~~old~~ second");

    assertThat(out)
        .isEqualTo(
            "*Result*\n*Acme Corp Deal* is _open_; see <https://x.test/a?b=1&amp;c=2|the record>"
                + " and `Custom_Field__c`\n• first\n• ~old~ second");
  }

  @Test
  void recordTextCannotPingTheChannelOrForgeALink() {
    String out =
        SlackText.fromMarkdown("Description: <!channel> click <https://evil.test|here> & win");

    assertThat(out)
        .isEqualTo("Description: &lt;!channel&gt; click &lt;https://evil.test|here&gt; &amp; win")
        .doesNotContain("<!channel>");
  }

  @Test
  void apiNamesWithDoubleUnderscoresStayIntact() {
    assertThat(SlackText.fromMarkdown("Fields Invoice__c and Project__c"))
        .isEqualTo("Fields Invoice__c and Project__c");
    assertThat(SlackText.fromMarkdown("5 * 3 * 2 = 30")).isEqualTo("5 * 3 * 2 = 30");
  }

  @Test
  void aPipeTableBecomesAnAlignedCodeBlock() {
    String out =
        SlackText.fromMarkdown(
            "From **Acme Production**:\n\n| Name | Amount |\n|---|---|\n| Acme Corp Deal | 75,000 |\n"
                + "| A \\| B <x> | 1 |");

    assertThat(out)
        .isEqualTo(
            "From *Acme Production*:\n\n```\nName            Amount\n--------------  ------\n"
                + "Acme Corp Deal  75,000\nA | B &lt;x&gt;       1\n```");
  }

  @Test
  void longCellsAreCutSoTheTableStaysReadable() {
    String out = SlackText.fromMarkdown("| Name |\n|---|\n| " + "x".repeat(100) + " |");

    assertThat(out).contains("x".repeat(31) + "…").doesNotContain("x".repeat(33));
  }

  @Test
  void fencedCodeIsEscapedButNotFormatted() {
    assertThat(SlackText.fromMarkdown("```\n**a** <b>\n```"))
        .isEqualTo("```\n**a** &lt;b&gt;\n```");
  }

  @Test
  void slackTextBecomesWhatThePersonTyped() {
    assertThat(
            SlackText.plain(
                "<@UBOT>  show contacts at <https://acme.com|Acme> for"
                    + " <mailto:jane.roe@acme.com|jane.roe@acme.com> in <#C123|sales> &amp; cc"
                    + " <@U999|bob> &lt;now&gt; <!here>",
                "UBOT"))
        .isEqualTo("show contacts at Acme for jane.roe@acme.com in #sales & cc @bob <now> @here");
    assertThat(SlackText.plain("<@UBOT>", "UBOT")).isEmpty();
    assertThat(SlackText.plain(null, "UBOT")).isEmpty();
  }
}
