// The JSON API of the Scopien server, as the chat panel uses it. Every call sends the API key as a
// Bearer token when there is one; otherwise it goes with the browser session's cookie (after "Sign
// in with Salesforce") and, for a call that changes something, the session's CSRF token in
// X-CSRF-Token (read from the scopien_csrf cookie). Errors in the server's
// {"error":{"code","message"}} body become an ApiError.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

// The session's CSRF token, from the cookie the server set at sign-in (null without a session).
function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'scopien_csrf') {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

// Adds the key, or for a cookie session the CSRF token on changes; returns the fetch credentials.
function authorize(headers, method, key) {
  if (key) {
    headers.Authorization = `Bearer ${key}`;
    return 'omit';
  }
  const csrf = csrfToken();
  if (csrf && method !== 'GET' && method !== 'HEAD') {
    headers['X-CSRF-Token'] = csrf;
  }
  return 'same-origin';
}

export function createApi(getKey) {
  async function request(method, path, body) {
    const headers = { Accept: 'application/json' };
    const credentials = authorize(headers, method, getKey());
    const init = { method, headers, cache: 'no-store', credentials };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new ApiError(0, 'network', 'Scopien could not be reached. Check your connection and try again.');
    }
    let data = null;
    try {
      data = response.status === 204 ? null : await response.json();
    } catch {
      data = null;
    }
    if (response.status === 204) {
      return null;
    }
    if (!response.ok) {
      const error = data && typeof data.error === 'object' ? data.error : {};
      throw new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : `http_${response.status}`,
        typeof error.message === 'string' ? error.message : `The server answered ${response.status}.`,
      );
    }
    return data;
  }

  const conversationPath = (id) => `api/conversations/${encodeURIComponent(id)}`;
  const orgPath = (id) => `api/orgs/${encodeURIComponent(id)}`;

  // POST api/chat/stream: calls onEvent(name, data) for each server-sent event as it arrives and
  // resolves with the 'done' body. An error before the stream starts is thrown as an ApiError (as
  // the other calls do); an 'error' event is thrown as one too, once the events before it were seen.
  // The chat body: the message, the conversation if any, and the browser's time zone, so times in
  // replies are the reader's ("Dec 7, 6:58 PM EST").
  function chatBody(message, conversationId) {
    const body = conversationId ? { message, conversationId } : { message };
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) {
      body.timeZone = timeZone;
    }
    return body;
  }

  async function chatStream(message, conversationId, onEvent) {
    const headers = { Accept: 'text/event-stream', 'Content-Type': 'application/json' };
    const credentials = authorize(headers, 'POST', getKey());
    let response;
    try {
      response = await fetch('api/chat/stream', {
        method: 'POST',
        headers,
        cache: 'no-store',
        credentials,
        body: JSON.stringify(chatBody(message, conversationId)),
      });
    } catch {
      throw new ApiError(0, 'network', 'Scopien could not be reached. Check your connection and try again.');
    }
    if (!response.ok || !response.body) {
      throw await errorOf(response);
    }
    let done = null;
    await readEvents(response.body, (event) => {
      if (event.name === 'error') {
        const error = event.data?.error ?? {};
        throw new ApiError(200, error.code ?? 'error', error.message ?? 'Something went wrong.');
      }
      if (event.name === 'done') {
        done = event.data;
      } else {
        onEvent(event.name, event.data);
      }
    });
    if (!done) {
      throw new ApiError(0, 'network', 'The reply was cut off. Your message may still have been handled; reload to see.');
    }
    return done;
  }

  // GET of a server-sent event stream (EventSource cannot send the API key): calls
  // onEvent(name, data) for each event until the server ends the stream; resolves then.
  async function followEvents(path, onEvent) {
    const headers = { Accept: 'text/event-stream' };
    const credentials = authorize(headers, 'GET', getKey());
    let response;
    try {
      response = await fetch(path, { headers, cache: 'no-store', credentials });
    } catch {
      throw new ApiError(0, 'network', 'Scopien could not be reached. Check your connection and try again.');
    }
    if (!response.ok || !response.body) {
      throw await errorOf(response);
    }
    await readEvents(response.body, (event) => onEvent(event.name, event.data));
  }

  return {
    me: () => request('GET', 'api/me'),
    // "Sign in with Salesforce": the orgs to offer (no sign-in needed) and sign-out of a session.
    signInOrgs: () => request('GET', 'auth/salesforce/orgs'),
    logout: () => request('POST', 'auth/logout'),
    orgs: () => request('GET', 'api/orgs'),
    chat: (message, conversationId) =>
      request('POST', 'api/chat', chatBody(message, conversationId)),
    chatStream,
    history: (conversationId) => request('GET', `${conversationPath(conversationId)}/messages`),
    confirm: (conversationId) => request('POST', 'api/chat/confirm', { conversationId }),
    cancel: (conversationId) => request('POST', 'api/chat/cancel', { conversationId }),
    conversation: (conversationId) => request('GET', conversationPath(conversationId)),
    switchOrg: (conversationId, org) =>
      request('POST', `${conversationPath(conversationId)}/org`, { org }),
    // Settings → Integrations (admins only).
    connectOrg: (form) => request('POST', 'api/orgs/connect', form),
    connectOutcome: (requestId) => request('GET', `api/orgs/connect/${encodeURIComponent(requestId)}`),
    orgCard: (id) => request('GET', orgPath(id)),
    reconnectOrg: (id) => request('POST', `${orgPath(id)}/reconnect`, {}),
    disconnectOrg: (id) => request('DELETE', orgPath(id)),
    removeOrg: (id) => request('DELETE', `${orgPath(id)}?remove=true`),
    // Settings → Field Security (admins only).
    fieldSecurity: (id, object) =>
      request('GET', `${orgPath(id)}/field-security?object=${encodeURIComponent(object)}`),
    saveFieldSecurity: (id, object, hidden) =>
      request('PUT', `${orgPath(id)}/field-security/${encodeURIComponent(object)}`, { hidden }),
    // Sync, Monitoring and Conflicts; the server checks every role again.
    syncObjects: (id) => request('GET', `${orgPath(id)}/objects`),
    selectObjects: (id, selected) => request('PATCH', `${orgPath(id)}/objects`, { selected }),
    syncSettings: (id) => request('GET', `${orgPath(id)}/sync/settings`),
    updateSyncSettings: (id, change) => request('PATCH', `${orgPath(id)}/sync/settings`, change),
    mappings: (id) => request('GET', `${orgPath(id)}/mappings`),
    addMapping: (id, mapping) => request('POST', `${orgPath(id)}/mappings`, mapping),
    removeMapping: (id, object, field) =>
      request('DELETE', `${orgPath(id)}/mappings/${encodeURIComponent(object)}/${encodeURIComponent(field)}`),
    startSync: (id, body = {}) => request('POST', `${orgPath(id)}/sync`, body),
    syncRuns: (id, limit = 10) => request('GET', `api/sync/runs?org=${encodeURIComponent(id)}&limit=${limit}`),
    syncRun: (runId) => request('GET', `api/sync/runs/${encodeURIComponent(runId)}`),
    stopSync: (runId) => request('POST', `api/sync/runs/${encodeURIComponent(runId)}/stop`, {}),
    followRun: (runId, onProgress) => followEvents(`api/sync/runs/${encodeURIComponent(runId)}/events`, onProgress),
    syncErrors: (id) => request('GET', `${orgPath(id)}/sync/errors?sinceHours=168&limit=20`),
    syncHealth: (id) => request('GET', `${orgPath(id)}/sync/health`),
    usage: (id) => request('GET', `${orgPath(id)}/usage`),
    conflicts: (id) => request('GET', `${orgPath(id)}/conflicts`),
    resolveConflict: (id, conflictId, fields) =>
      request('POST', `${orgPath(id)}/conflicts/${encodeURIComponent(conflictId)}/resolve`, { fields }),
  };
}

// The ApiError an unsuccessful response carries in its {"error":{"code","message"}} body.
async function errorOf(response) {
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  const error = data && typeof data.error === 'object' ? data.error : {};
  return new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : `http_${response.status}`,
    typeof error.message === 'string' ? error.message : `The server answered ${response.status}.`,
  );
}

// Reads a server-sent event stream to its end, calling onEvent({name, data}) for each event.
async function readEvents(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done: finished } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !finished });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (event) {
        onEvent(event);
      }
    }
    if (finished) {
      return;
    }
  }
}

function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).trimStart());
    }
  }
  if (data.length === 0) {
    return null;
  }
  try {
    return { name, data: JSON.parse(data.join('\n')) };
  } catch {
    return null;
  }
}
