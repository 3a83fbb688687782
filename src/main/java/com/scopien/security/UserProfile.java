package com.scopien.security;

import java.time.Instant;

/**
 * A user as admins manage them: who they are, their manager, whether they may sign in.
 *
 * @param managerId the user whose team this user is in, or null
 * @param active false once an admin deactivated the user; their keys are then refused
 * @param deactivatedAt when they were deactivated, or null while active
 */
public record UserProfile(
    User user, String managerId, boolean active, Instant createdAt, Instant deactivatedAt) {}
