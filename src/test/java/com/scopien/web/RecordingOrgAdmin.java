package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.orgs.AuthorizationRequest;
import com.scopien.orgs.AuthorizationStart;
import com.scopien.orgs.ConnectOutcome;
import com.scopien.orgs.Disconnection;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgAdmin;
import com.scopien.orgs.OrgStatus;
import com.scopien.orgs.Reconnection;
import com.scopien.security.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the web layer asks of {@link OrgAdmin} and answers with fixed data; the real service
 * is tested in the orgs package and end to end in the browser test.
 */
final class RecordingOrgAdmin implements OrgAdmin {
  static final String GOOD_STATE = "good-state";
  static final Instant EXPIRES = Instant.parse("2025-06-01T12:10:00Z");

  final List<String> calls = new ArrayList<>();
  AuthorizationRequest lastRequest;

  @Override
  public AuthorizationStart startAuthorization(User admin, AuthorizationRequest request) {
    calls.add("start " + admin.id());
    lastRequest = request;
    return new AuthorizationStart(
        "req-1", request.loginUrl() + "/services/oauth2/authorize?state=x", EXPIRES);
  }

  @Override
  public ConnectOutcome completeAuthorization(
      String state, String code, String error, String errorDescription) {
    calls.add("complete " + state + " " + code + " " + error);
    if (!GOOD_STATE.equals(state)) {
      throw ScopienException.invalid("invalid_state", "This sign-in link is not <known>.");
    }
    return new ConnectOutcome(
        "req-1", ConnectOutcome.Status.CONNECTED, FakeOrgDirectory.SANDBOX, false, null, null);
  }

  @Override
  public ConnectOutcome outcome(User admin, String requestId) {
    calls.add("outcome " + requestId);
    if (!"req-1".equals(requestId)) {
      throw ScopienException.notFound("unknown_connect_request", "There is no such sign-in.");
    }
    return new ConnectOutcome(
        "req-1",
        ConnectOutcome.Status.FAILED,
        null,
        false,
        "environment_mismatch",
        "That org is a sandbox.");
  }

  @Override
  public Org org(User admin, String orgId) {
    calls.add("org " + orgId);
    if (!FakeOrgDirectory.PRODUCTION.id().equals(orgId)) {
      throw ScopienException.notFound("unknown_org", "There is no such org.");
    }
    return FakeOrgDirectory.PRODUCTION;
  }

  @Override
  public Reconnection reconnect(User admin, String orgId, String redirectUri) {
    calls.add("reconnect " + orgId + " " + redirectUri);
    return new Reconnection(
        new AuthorizationStart("req-2", "https://login.example.test/authorize", EXPIRES), null);
  }

  @Override
  public Disconnection disconnect(User admin, String orgId) {
    calls.add("disconnect " + orgId);
    Org org = FakeOrgDirectory.PRODUCTION;
    return new Disconnection(
        new Org(
            org.id(),
            org.name(),
            org.environment(),
            org.loginUrl(),
            org.instanceUrl(),
            org.salesforceOrgId(),
            org.organizationName(),
            org.edition(),
            org.username(),
            OrgStatus.DISCONNECTED,
            org.connectedAt(),
            org.lastSyncAt()),
        true);
  }

  @Override
  public void remove(User admin, String orgId) {
    calls.add("remove " + orgId);
  }
}
