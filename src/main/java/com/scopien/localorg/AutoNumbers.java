package com.scopien.localorg;

/**
 * Display formats of the auto-number fields: Case Number {@code 00001001}, Invoice {@code
 * INV-00042}.
 */
final class AutoNumbers {

  private AutoNumbers() {}

  static String format(ObjectDef object, FieldDef field, long sequence) {
    return switch (object.name()) {
      case "Case" -> String.format("%08d", 1000 + sequence);
      case "Invoice__c" -> String.format("INV-%05d", sequence);
      default -> object.keyPrefix() + "-" + sequence;
    };
  }
}
