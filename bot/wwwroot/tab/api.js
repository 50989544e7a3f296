// The tab's calls to its own API: the bearer token (never a cookie), the reader's language, and errors sorted into the
// few cases the shell explains (signed out, forbidden, network, other).

export class ApiError extends Error {
  constructor(kind, status = 0, serverMessage = null) {
    super(serverMessage ?? kind);
    this.kind = kind;
    this.status = status;
    this.serverMessage = serverMessage;
  }
}

export class Api {
  // session: { locale, token(): Promise<string>, refresh(): Promise<string> | null }
  constructor(session) {
    this.session = session;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  async request(method, path, body, retried = false) {
    let token;
    try {
      token = retried ? await this.session.refresh() : await this.session.token();
    } catch {
      throw new ApiError('signInFailed');
    }

    let response;
    try {
      response = await fetch(`api/${path}`, {
        method,
        cache: 'no-store',
        credentials: 'omit',
        headers: {
          Authorization: `Bearer ${token}`,
          'Accept-Language': this.session.locale,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('network');
    }

    if (response.status === 401 && !retried && this.session.canRefresh) {
      return this.request(method, path, body, true);
    }

    let payload = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }

    if (!response.ok) {
      const kind = response.status === 401 ? 'signedOut' : response.status === 403 ? 'forbidden' : response.status === 404 ? 'notFound' : 'failed';
      throw new ApiError(kind, response.status, payload?.message ?? null);
    }

    return payload;
  }
}

export async function fetchTexts(locale) {
  const response = await fetch('api/texts', { cache: 'no-store', credentials: 'omit', headers: { 'Accept-Language': locale } });
  if (!response.ok) throw new ApiError('failed', response.status);
  return response.json();
}
