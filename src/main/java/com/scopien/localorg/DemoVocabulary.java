package com.scopien.localorg;

import java.util.SplittableRandom;

/** Word lists the demo generator draws from. Nothing here names a real person or customer. */
final class DemoVocabulary {

  static final String[] FIRST_NAMES =
      words(
          """
          James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
          Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
          Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily
          Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah
          Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Kathleen
          Jacob Amy Gary Angela Nicholas Shirley Eric Anna Jonathan Brenda Priya Wei Aisha Carlos
          Sofia Hiroshi Fatima Lars Ines Mateo Yuki Omar Elena Raj Chloe Noah Olivia Liam Emma
          Lucas Mia Ethan Ava Diego Zara Jane
          """);
  static final String[] LAST_NAMES =
      words(
          """
          Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
          Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
          White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
          Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
          Roberts Patel Chen Kim Singh Tanaka Muller Rossi Novak Silva Kowalski Dubois Jensen
          Haddad Okafor Larsen Fischer Moreau Costa Ivanova Sato Khan Reyes Cruz Ortiz Morgan
          Cooper Reed Bailey Bell Murphy Rogers Cook Morris Roe
          """);
  static final String[] COMPANY_WORDS =
      words(
          """
          Blue Summit Pioneer Granite Harbor Northwind Silver Evergreen Redwood Cobalt Atlas
          Beacon Crescent Falcon Horizon Ironwood Juniper Keystone Lighthouse Maple Meridian
          Nimbus Orchid Pinnacle Quantum Riverbend Sapphire Sterling Trident Unity Vanguard
          Westfield Zenith Aurora Bright Cedar Delta Echo Fairview Golden Highland Lakeside
          """);
  static final String[] COMPANY_NOUNS =
      words(
          """
          Logistics Systems Foods Energy Health Networks Manufacturing Labs Capital Media
          Analytics Robotics Textiles Motors Pharma Software Consulting Airlines Foundry
          Outfitters Biotech Telecom Realty Insurance Logic Dynamics Solutions Works Partners
          Holdings
          """);
  static final String[] COMPANY_SUFFIXES = {"Inc.", "LLC", "Corp.", "Ltd.", "Group", "Co.", "", ""};
  static final String[][] CITIES = {
    {"San Francisco", "CA", "United States"},
    {"New York", "NY", "United States"},
    {"Chicago", "IL", "United States"},
    {"Austin", "TX", "United States"},
    {"Seattle", "WA", "United States"},
    {"Boston", "MA", "United States"},
    {"Denver", "CO", "United States"},
    {"Atlanta", "GA", "United States"},
    {"Miami", "FL", "United States"},
    {"Portland", "OR", "United States"},
    {"Phoenix", "AZ", "United States"},
    {"Minneapolis", "MN", "United States"},
    {"Toronto", "ON", "Canada"},
    {"Vancouver", "BC", "Canada"},
    {"London", null, "United Kingdom"},
    {"Manchester", null, "United Kingdom"},
    {"Berlin", null, "Germany"},
    {"Paris", null, "France"},
    {"Sydney", "NSW", "Australia"},
    {"Singapore", null, "Singapore"}
  };
  static final String[] TITLES =
      phrases(
          """
          CEO|CFO|CTO|VP Sales|VP Marketing|Director of Operations|IT Manager|Procurement Manager|
          Sales Manager|Account Manager|Marketing Manager|Operations Analyst|Software Engineer|
          Project Manager|Office Manager|Buyer
          """);
  static final String[] DEPARTMENTS =
      phrases("Sales|Marketing|Finance|IT|Operations|Procurement|Engineering|Support");
  static final String[] DEAL_WORDS =
      phrases(
          """
          Renewal|Expansion|New Business|Upgrade|Pilot|Services|Licenses|Enterprise Plan|
          Support Contract|Implementation
          """);
  static final String[] CASE_SUBJECTS =
      phrases(
          """
          Cannot log in to the portal|Invoice shows the wrong amount|Shipment arrived damaged|
          Request for a product demo|Password reset not working|Performance is slow|
          Integration returns an error|Question about the contract|Feature request|
          Device does not power on|Data export is incomplete|Billing address change
          """);
  static final String[] TASK_SUBJECTS = phrases("Call|Send Letter|Send Quote|Email|Follow up");
  static final String[] EVENT_SUBJECTS = phrases("Meeting|Demo|Lunch|Quarterly review|Call");
  static final String[] PRODUCT_NAMES =
      phrases(
          """
          Widget|Gateway|Sensor|Controller|Analytics Suite|Cloud Storage|Support Plan|
          Training Package|Router|Installation Service
          """);
  static final String[] PRODUCT_TIERS = phrases("Basic|Standard|Pro|Enterprise|Mini|Max");
  static final String[] LEAD_NOTES =
      phrases(
          """
          Met at trade show|Downloaded whitepaper|Referred by partner|Asked for pricing|
          Webinar attendee|Inbound call
          """);

  private DemoVocabulary() {}

  /** Words separated by white space. */
  private static String[] words(String text) {
    return text.trim().split("\\s+");
  }

  /** Phrases separated by {@code |}; line breaks between them do not count. */
  private static String[] phrases(String text) {
    return text.replace("\n", "").trim().split("\\|");
  }

  static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  static String[] pick(SplittableRandom random, String[][] values) {
    return values[random.nextInt(values.length)];
  }

  static String digits(SplittableRandom random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  static String phone(SplittableRandom random) {
    return "(" + (200 + random.nextInt(800)) + ") 555-" + digits(random, 4);
  }

  static String slug(String name) {
    return name.toLowerCase().replaceAll("[^a-z0-9]+", "");
  }
}
