// The JSON API of the Scopien server, as the chat panel uses it. Every call sends the API key as a
// Bearer token and turns the server's {"error":{"code","message"}} body into an ApiError.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function createApi(getKey) {
  async function request(method, path, body) {
    const headers = { Accept: 'application/json' };
    const key = getKey();
    if (key) {
      headers.Authorization = `Bearer ${key}`;
    }
    const init = { method, headers, cache: 'no-store', credentials: 'omit' };
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

  return {
    me: () => request('GET', 'api/me'),
    orgs: () => request('GET', 'api/orgs'),
    chat: (message, conversationId) =>
      request('POST', 'api/chat', conversationId ? { message, conversationId } : { message }),
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
  };
}
