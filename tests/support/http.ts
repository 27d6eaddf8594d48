import type { CollabTokenResponse, PlanSummary } from '@sakutei/shared';

export const DEMO_PASSWORD = 'sakutei-demo';

/** A signed-in HTTP client: remembers its session cookie like a browser would. */
export type ApiResult = { status: number; headers: Headers; body: any };

export class ApiClient {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.user as { id: string; name: string };
  }

  async plans(): Promise<PlanSummary[]> {
    return (await this.request('GET', '/api/plans')).body.plans;
  }

  async collabToken(planId: string): Promise<CollabTokenResponse> {
    const res = await this.request('POST', `/api/plans/${planId}/collab-token`);
    if (res.status !== 200) throw new Error(`collab token: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export async function signedIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const client = new ApiClient(baseUrl);
  const user = await client.signIn(email, password);
  return Object.assign(client, { user });
}
