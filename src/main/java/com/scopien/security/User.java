package com.scopien.security;

/** A person or integration that talks to Scopien. */
public record User(String id, String name, String email, Role role) {}
