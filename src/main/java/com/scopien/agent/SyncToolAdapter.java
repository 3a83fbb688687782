package com.scopien.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * sync_now, sync_status and sync_errors: object names checked, then handed to {@link SyncTools}.
 */
final class SyncToolAdapter {
  private final SyncTools sync;
  private final SchemaGuard guard;

  SyncToolAdapter(SyncTools sync, SchemaGuard guard) {
    this.sync = sync;
    this.guard = guard;
  }

  ToolOutcome syncNow(ToolContext ctx, ToolArgs args) {
    return ToolOutcome.ok(sync.syncNow(ctx.user(), ctx.org(), objects(ctx, args)));
  }

  ToolOutcome status(ToolContext ctx, ToolArgs args) {
    return ToolOutcome.ok(sync.status(ctx.org(), objects(ctx, args)));
  }

  ToolOutcome errors(ToolContext ctx, ToolArgs args) {
    int since = args.integer("sinceHours", 24, 1, 720);
    int limit = args.integer("limit", 10, 1, QueryPlanner.MAX_LIMIT);
    return ToolOutcome.ok(sync.errors(ctx.org(), objects(ctx, args), since, limit));
  }

  private List<String> objects(ToolContext ctx, ToolArgs args) {
    List<String> names = new ArrayList<>();
    for (String name : args.textList("objects")) {
      names.add(guard.object(ctx, name).name());
    }
    return names;
  }
}
